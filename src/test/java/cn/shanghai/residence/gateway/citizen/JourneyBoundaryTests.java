package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.citizen.Journey.Action;
import cn.shanghai.residence.gateway.citizen.Journey.ActionCode;
import cn.shanghai.residence.gateway.citizen.Journey.Blocker;
import cn.shanghai.residence.gateway.citizen.Journey.BlockerCode;
import cn.shanghai.residence.gateway.citizen.Journey.Stage;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;

import static cn.shanghai.residence.gateway.citizen.FactsBuilder.HOME;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.NEW_HOME;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.application;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.contract;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.filed;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.permit;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.permitFailingAutoEndorsement;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.photo;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.property;
import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;

/** Every journey stage at the edge that separates it from the next one, and what each stage offers and blocks. */
class JourneyBoundaryTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void shouldOfferToCancelALossReport() {
        Journey journey = journey(holder(permit(ResidencePermit.Status.LOST, TODAY.plusYears(1))));

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_LOST);
        assertThat(actions(journey)).containsExactly(ActionCode.CANCEL_PERMIT_LOSS);
        assertThat(blockers(journey)).containsExactly(BlockerCode.PERMIT_LOST);
    }

    @Test
    void shouldCallAnEndorsementEndingTodayDueAndOneEndingYesterdayExpired() {
        Journey endsToday = journey(holder(permit(ResidencePermit.Status.VALID, TODAY)));
        Journey endedYesterday = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.minusDays(1))));

        assertThat(endsToday.stage()).isEqualTo(Stage.ENDORSEMENT_DUE);
        assertThat(blockers(endsToday)).isEmpty();
        assertThat(endedYesterday.stage()).isEqualTo(Stage.PERMIT_EXPIRED);
        assertThat(actions(endedYesterday)).containsExactly(ActionCode.RENEW_ENDORSEMENT_OFFLINE);
        assertThat(endedYesterday.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.code()).isEqualTo(BlockerCode.PERMIT_EXPIRED);
            assertThat(zh(blocker.message())).contains("已于 " + TODAY.minusDays(1) + " 过期");
        });
    }

    @Test
    void shouldCallTheEndorsementDueThirtyDaysAheadButNotThirtyOne() {
        Journey in30 = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusDays(30))));
        Journey in31 = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusDays(31))));

        assertThat(in30.stage()).isEqualTo(Stage.ENDORSEMENT_DUE);
        assertThat(in31.stage()).isEqualTo(Stage.PERMIT_HOLDER);
        assertThat(actions(in31)).containsExactly(ActionCode.REPORT_PERMIT_LOSS);
        assertThat(blockers(in31)).isEmpty();
        assertThat(JourneyRules.ENDORSEMENT_WINDOW_DAYS).isEqualTo(30);
    }

    @Test
    void shouldSendAHolderWhoseAutomaticEndorsementFailedToAServiceCentreFirst() {
        LocalDate validUntil = TODAY.plusMonths(3);
        Journey journey = journey(holder(permitFailingAutoEndorsement(validUntil)));

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_HOLDER);
        assertThat(actions(journey)).containsExactly(ActionCode.RENEW_ENDORSEMENT_OFFLINE,
                ActionCode.REPORT_PERMIT_LOSS);
        assertThat(zh(journey.actions().get(0).message())).contains("请于 " + validUntil + " 前");
        assertThat(blockers(journey)).containsExactly(BlockerCode.AUTO_ENDORSEMENT_FAILED);
    }

    @Test
    void shouldGivePolicesOwnReasonWhenTheAutomaticEndorsementFails() {
        ResidencePermit refused = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, new ResidencePermit.AutoEndorsement(false, "民警核实不在登记地址居住"));

        assertThat(journey(holder(refused)).blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.code()).isEqualTo(BlockerCode.AUTO_ENDORSEMENT_FAILED);
            assertThat(both(blocker.message())).isEqualTo("自动签注未通过：民警核实不在登记地址居住 / Automatic endorsement "
                    + "failed; police's reason: 民警核实不在登记地址居住");
        });
    }

    @Test
    void shouldFallBackToTheServicesRuleWhenPoliceGiveNoReason() {
        for (String none : new String[] {null, "", "  "}) {
            ResidencePermit refused = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                    TODAY.plusMonths(3), null, new ResidencePermit.AutoEndorsement(false, none));

            assertThat(journey(holder(refused)).blockers()).as("reason %s", none).singleElement()
                    .satisfies(blocker -> assertThat(both(blocker.message())).isEqualTo(
                            "自动签注未通过：公安核查未在登记地址居住 / Automatic endorsement failed: police found you "
                                    + "do not live at the registered address"));
        }
    }

    @Test
    void shouldNotBlockAHolderWhoseAutomaticEndorsementIsUnknown() {
        ResidencePermit unknown = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, null);

        assertThat(blockers(journey(holder(unknown)))).isEmpty();
    }

    @Test
    void shouldOfferANewPermitAfterAnExpiredOrRevokedOneOnlyToTheRegistered() {
        for (ResidencePermit.Status status : List.of(ResidencePermit.Status.EXPIRED, ResidencePermit.Status.REVOKED)) {
            Journey registered = journey(holder(permit(status, TODAY.minusMonths(1))));
            Journey unregistered = journey(FactsBuilder.on(TODAY).permit(permit(status, TODAY.minusMonths(1))));

            assertThat(registered.stage()).as(status.name()).isEqualTo(Stage.PERMIT_EXPIRED);
            assertThat(actions(registered)).as(status.name()).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT);
            assertThat(blockers(registered)).as(status.name()).containsExactly(BlockerCode.PERMIT_EXPIRED);
            assertThat(unregistered.stage()).as(status.name()).isEqualTo(Stage.PERMIT_EXPIRED);
            assertThat(actions(unregistered)).as(status.name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SUBMITTED, TRACK_PERMIT_APPLICATION", "UNDER_REVIEW, TRACK_PERMIT_APPLICATION",
            "IN_PRODUCTION, TRACK_PERMIT_APPLICATION", "READY_FOR_PICKUP, PICK_UP_PERMIT", "SHIPPED, TRACK_DELIVERY"})
    void shouldFollowAnOpenPermitApplication(Application.Status status, ActionCode action) {
        Journey journey = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, status, TODAY.minusDays(5))));

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_IN_PROGRESS);
        assertThat(actions(journey)).containsExactly(action);
    }

    @Test
    void shouldFollowTheNewestOpenPermitApplication() {
        Journey journey = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.SUBMITTED,
                        TODAY.minusDays(1)))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.READY_FOR_PICKUP,
                        TODAY.minusDays(30)))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.COMPLETED,
                        TODAY)));

        assertThat(actions(journey)).containsExactly(ActionCode.TRACK_PERMIT_APPLICATION);
    }

    @Test
    void shouldNotFollowAClosedPermitApplicationButShowItsRefusalAndAnOpenOneOfAnotherKind() {
        Journey journey = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).photo(photo(
                Photo.Background.WHITE))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.REJECTED, TODAY))
                .application(application(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.SUBMITTED, TODAY)));

        assertThat(journey.stage()).isEqualTo(Stage.ELIGIBLE_FOR_PERMIT);
        assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT, ActionCode.TRACK_APPLICATION);
        assertThat(blockers(journey)).containsExactly(BlockerCode.APPLICATION_REJECTED);
    }

    @Test
    void shouldWaitUntilTheDayBeforeEligibility() {
        LocalDate registered = TODAY.minusMonths(6).plusDays(1);
        Journey journey = journey(FactsBuilder.on(TODAY).registeredOn(registered));

        assertThat(journey.stage()).isEqualTo(Stage.REGISTERED_WAITING);
        assertThat(journey.eligibleFrom()).isEqualTo(TODAY.plusDays(1));
        assertThat(journey.actions()).singleElement().satisfies(action -> {
            assertThat(action.code()).isEqualTo(ActionCode.WAIT_FOR_PERMIT_ELIGIBILITY);
            assertThat(action.availableFrom()).isEqualTo(TODAY.plusDays(1));
        });
        assertThat(blockers(journey)).containsExactly(BlockerCode.REGISTRATION_TOO_RECENT);
    }

    @Test
    void shouldAskForAPhotoOnlyWhenNoneOnFileIsCompliant() {
        Journey blue = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .photo(photo(Photo.Background.BLUE)));
        Journey white = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .photo(photo(Photo.Background.BLUE)).photo(photo(Photo.Background.WHITE)));

        assertThat(actions(blue)).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT, ActionCode.UPLOAD_PERMIT_PHOTO);
        assertThat(blockers(blue)).containsExactly(BlockerCode.PHOTO_NOT_COMPLIANT);
        assertThat(actions(white)).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT);
        assertThat(blockers(white)).isEmpty();
    }

    @Test
    void shouldTrackARegistrationUnderReviewWhenNoneIsActive() {
        ResidenceRegistration cancelled = new ResidenceRegistration("JZDJ0", ResidenceRegistration.Status.CANCELLED,
                TODAY.minusYears(3), HOME, ResidenceRegistration.ResidenceType.RENTED_HOUSING, null);
        Journey journey = journey(FactsBuilder.on(TODAY).registration(cancelled).application(
                application(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.UNDER_REVIEW, TODAY)));

        assertThat(journey.stage()).isEqualTo(Stage.REGISTRATION_IN_PROGRESS);
        assertThat(journey.eligibleFrom()).isNull();
        assertThat(actions(journey)).containsExactly(ActionCode.TRACK_REGISTRATION);
    }

    @Test
    void shouldOfferRegistrationOnAResidentialPropertyOrAFiledContract() {
        Journey owner = journey(FactsBuilder.on(TODAY).property(property(Property.Usage.OFFICE))
                .property(property(Property.Usage.RESIDENTIAL)));
        Journey tenant = journey(FactsBuilder.on(TODAY).property(property(Property.Usage.COMMERCIAL))
                .contract(filed(NEW_HOME, TODAY)));

        for (Journey journey : List.of(owner, tenant)) {
            assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
            assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION);
            assertThat(blockers(journey)).isEmpty();
        }
    }

    @Test
    void shouldRefuseACommercialPropertyButOfferRegistrationAtARelativesHomeOrADormitory() {
        Journey journey = journey(FactsBuilder.on(TODAY).property(property(Property.Usage.COMMERCIAL)));

        assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(journey.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.code()).isEqualTo(BlockerCode.NON_RESIDENTIAL_HOUSING);
            assertThat(zh(blocker.message())).startsWith("名下房屋为商铺、办公、厂房等非居住用房，不能作为居住登记的住所");
        });
        assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                ActionCode.FILE_RENTAL_CONTRACT);
        assertThat(both(journey.actions().get(0).message())).isEqualTo(WITHOUT_OWN_HOME);
    }

    /** What the seed allows a resident with no home of their own on file: a relative's home or a dormitory. */
    private static final String WITHOUT_OWN_HOME = "住在亲属家或单位集体宿舍的，可在线办理居住登记：亲属家须签署亲属关系承诺书"
            + "并提交亲属的房屋产权证明或备案租赁合同，集体宿舍须提供单位出具的集体宿舍证明 / Living in a relative's home or "
            + "an employer's dormitory? Register online: for a relative's home sign the kinship commitment letter and "
            + "add the relative's title or filed contract; for a dormitory add the employer's dormitory certificate";

    @Test
    void shouldOfferRegistrationAtARelativesHomeOrADormitoryToSomeoneWithNoHousingOnFile() {
        Journey journey = journey(FactsBuilder.on(TODAY));

        assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(blockers(journey)).isEmpty();
        assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                ActionCode.FILE_RENTAL_CONTRACT);
        assertThat(both(journey.actions().get(0).message())).isEqualTo(WITHOUT_OWN_HOME);
        assertThat(journey.actions().get(0).availableFrom()).isNull();
    }

    @Test
    void shouldAskForProofOfTheHomeOnFileButStillOfferRegistrationWhereTheyLiveNow() {
        Journey unfiled = journey(FactsBuilder.on(TODAY).contract(contract(NEW_HOME, Property.Usage.RESIDENTIAL,
                TODAY.minusDays(3), RentalContract.Status.PENDING_FILING)));
        Journey notStarted = journey(FactsBuilder.on(TODAY).contract(filed(NEW_HOME, TODAY.plusDays(1))));
        Journey usageUnknown = journey(FactsBuilder.on(TODAY).contract(contract(NEW_HOME, null,
                TODAY.minusDays(3), RentalContract.Status.FILED)));

        for (Journey journey : List.of(unfiled, notStarted, usageUnknown)) {
            assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
            assertThat(blockers(journey)).containsExactly(BlockerCode.NO_RESIDENCE_PROOF);
            assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                    ActionCode.FILE_RENTAL_CONTRACT);
            assertThat(both(journey.actions().get(0).message())).isEqualTo(WITHOUT_OWN_HOME);
        }
    }

    @Test
    void shouldAskForAnAddressChangeByThirtyDaysAfterTheMove() {
        LocalDate moved = TODAY.minusDays(10);
        Journey journey = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, moved)));

        assertThat(journey.actions()).extracting(Action::code).containsExactly(ActionCode.REPORT_PERMIT_LOSS,
                ActionCode.CHANGE_REGISTRATION_ADDRESS);
        assertThat(zh(journey.actions().get(1).message())).contains(moved.plusDays(30) + " 前");
    }

    @Test
    void shouldRequireAGuardianUntilTheSixteenthBirthday() {
        LocalDate sixteenTomorrow = TODAY.plusDays(1).minusYears(16);
        LocalDate sixteenToday = TODAY.minusYears(16);

        assertThat(blockers(journey(FactsBuilder.on(TODAY).bornOn(sixteenTomorrow))))
                .contains(BlockerCode.GUARDIAN_REQUIRED);
        assertThat(blockers(journey(FactsBuilder.on(TODAY).bornOn(sixteenToday))))
                .doesNotContain(BlockerCode.GUARDIAN_REQUIRED);
    }

    @Test
    void shouldGiveTheEligibilityDateOfAnActiveRegistrationOnly() {
        assertThat(journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))).eligibleFrom())
                .isEqualTo(TODAY.minusYears(1).plusMonths(6));
        assertThat(journey(FactsBuilder.on(TODAY)).eligibleFrom()).isNull();
    }

    // Codes an agency added after its contract read as UNKNOWN (issue 11 item 10): never a guess that sends a
    // resident the wrong way.

    @Test
    void shouldOfferNothingForAPermitInAStateTheGatewayDoesNotKnow() {
        Journey journey = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(2))
                .permit(permit(ResidencePermit.Status.UNKNOWN, TODAY.minusDays(3))));

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_HOLDER);
        assertThat(actions(journey)).isEmpty();
        assertThat(blockers(journey)).isEmpty();
        assertThat(ReminderRules.reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(2))
                .permit(permit(ResidencePermit.Status.UNKNOWN, TODAY.plusDays(3))).build())).isEmpty();
    }

    @Test
    void shouldNeitherCountNorOfferAgainARegistrationInAStateTheGatewayDoesNotKnow() {
        ResidenceRegistration unknown = new ResidenceRegistration("JZDJ1", ResidenceRegistration.Status.UNKNOWN,
                TODAY.minusYears(1), HOME, ResidenceRegistration.ResidenceType.UNKNOWN, null);

        Journey journey = journey(FactsBuilder.on(TODAY).registration(unknown)
                .contract(filed(HOME, TODAY.minusYears(1))));

        assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(journey.eligibleFrom()).isNull();
        assertThat(actions(journey)).isEmpty();
        assertThat(blockers(journey)).isEmpty();
    }

    @Test
    void shouldNotCallAHomeOfUnknownUsageAShopNorLetItProveAResidence() {
        Journey owner = journey(FactsBuilder.on(TODAY).property(property(Property.Usage.UNKNOWN)));
        Journey tenant = journey(FactsBuilder.on(TODAY).contract(contract(NEW_HOME, Property.Usage.UNKNOWN,
                TODAY.minusMonths(1), RentalContract.Status.FILED)));
        Journey unknownFiling = journey(FactsBuilder.on(TODAY).contract(contract(NEW_HOME, Property.Usage.RESIDENTIAL,
                TODAY.minusMonths(1), RentalContract.Status.UNKNOWN)));

        for (Journey journey : List.of(owner, tenant, unknownFiling)) {
            assertThat(blockers(journey)).containsExactly(BlockerCode.NO_RESIDENCE_PROOF);
            assertThat(actions(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                    ActionCode.FILE_RENTAL_CONTRACT);
        }
    }

    @Test
    void shouldFollowAnApplicationInAStatusTheGatewayDoesNotKnowAsInProgress() {
        Journey permit = journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .application(application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.UNKNOWN, TODAY)));
        Journey registration = journey(FactsBuilder.on(TODAY).application(
                application(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.UNKNOWN, TODAY)));

        assertThat(Application.Status.UNKNOWN.open()).isTrue();
        assertThat(permit.stage()).isEqualTo(Stage.PERMIT_IN_PROGRESS);
        assertThat(actions(permit)).containsExactly(ActionCode.TRACK_PERMIT_APPLICATION);
        assertThat(registration.stage()).isEqualTo(Stage.REGISTRATION_IN_PROGRESS);
        assertThat(actions(registration)).containsExactly(ActionCode.TRACK_REGISTRATION);
    }

    @Test
    void shouldFollowAndReportABusinessOfAKindTheGatewayDoesNotKnow() {
        Journey open = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .application(application(Application.Kind.UNKNOWN, Application.Status.UNDER_REVIEW, TODAY)));
        Journey refused = journey(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .application(application(Application.Kind.UNKNOWN, Application.Status.REJECTED, TODAY)));

        assertThat(actions(open)).containsExactly(ActionCode.REPORT_PERMIT_LOSS, ActionCode.TRACK_APPLICATION);
        assertThat(both(open.actions().get(1).message())).isEqualTo("申请办理中，可查看办理进度 / Your application is being "
                + "processed; follow its progress");
        assertThat(refused.blockers()).singleElement().satisfies(blocker -> assertThat(both(blocker.message()))
                .isEqualTo("申请未通过审核 / Your application was refused"));
    }

    /** Registered a year ago at HOME, holding {@code permit}. */
    private static FactsBuilder holder(ResidencePermit permit) {
        return FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).permit(permit);
    }

    private static Journey journey(FactsBuilder facts) {
        return JourneyRules.journey(facts.build());
    }

    private static List<ActionCode> actions(Journey journey) {
        return journey.actions().stream().map(Action::code).toList();
    }

    private static List<BlockerCode> blockers(Journey journey) {
        return journey.blockers().stream().map(Blocker::code).toList();
    }
}
