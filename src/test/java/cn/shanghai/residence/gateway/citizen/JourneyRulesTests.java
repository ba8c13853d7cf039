package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.citizen.Journey.ActionCode;
import cn.shanghai.residence.gateway.citizen.Journey.BlockerCode;
import cn.shanghai.residence.gateway.citizen.Journey.Stage;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Address;

import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;

/** The journey and reminder rules on the edges the personas do not reach: month ends, lapses, declared moves. */
class JourneyRulesTests {

    private static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final Address NEW_HOME = new Address("杨浦区", "殷行街道", "开鲁路518弄9号602室");

    @Test
    void shouldCountSixMonthsToTheMonthsLastDay() {
        CitizenFacts facts = facts(LocalDate.of(2027, 2, 27), registration(LocalDate.of(2026, 8, 31)), null,
                List.of(), List.of());

        Journey journey = JourneyRules.journey(facts);

        assertThat(journey.eligibleFrom()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(journey.stage()).isEqualTo(Stage.REGISTERED_WAITING);
        assertThat(JourneyRules.journey(facts(LocalDate.of(2027, 2, 28), registration(LocalDate.of(2026, 8, 31)),
                null, List.of(), List.of())).stage()).isEqualTo(Stage.ELIGIBLE_FOR_PERMIT);
    }

    @Test
    void shouldTreatAPassedEndorsementDateAsLapsed() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        ResidencePermit lapsed = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, today.minusYears(1),
                today.minusDays(3), null, new ResidencePermit.AutoEndorsement(true, null));
        CitizenFacts facts = facts(today, registration(today.minusYears(2)), lapsed, List.of(), List.of());

        Journey journey = JourneyRules.journey(facts);

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_EXPIRED);
        assertThat(journey.blockers()).extracting(Journey.Blocker::code).containsExactly(BlockerCode.PERMIT_EXPIRED);
        assertThat(ReminderRules.reminders(facts)).singleElement()
                .satisfies(r -> assertThat(zh(r.message())).contains("已于 " + today.minusDays(3) + " 过期"));
    }

    @Test
    void shouldStopAskingForAnAddressChangeOnceItIsDeclared() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        RentalContract moved = new RentalContract("HT2", "BA2", NEW_HOME, Property.Usage.RESIDENTIAL,
                today.minusDays(10), today.plusYears(1), RentalContract.Status.FILED, "EL-2");
        CitizenFacts undeclared = facts(today, registration(today.minusYears(1)), null, List.of(), List.of(moved));
        Application change = new Application("APL-1", "p", Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.UNDER_REVIEW, at(today.minusDays(2)), at(today.minusDays(2)), null, null,
                List.of());
        CitizenFacts declared = facts(today, registration(today.minusYears(1)), null, List.of(change),
                List.of(moved));

        assertThat(ReminderRules.reminders(undeclared)).extracting(Reminder::kind)
                .contains(Reminder.Kind.ADDRESS_CHANGE_DUE);
        assertThat(ReminderRules.reminders(declared)).extracting(Reminder::kind)
                .doesNotContain(Reminder.Kind.ADDRESS_CHANGE_DUE);
        assertThat(JourneyRules.journey(declared).actions()).extracting(Journey.Action::code)
                .doesNotContain(ActionCode.CHANGE_REGISTRATION_ADDRESS);
    }

    @Test
    void shouldDateADeclarationOnShanghaisDayNotTheOffsetPoliceWroteItIn() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        LocalDate movedOn = today.minusDays(10);
        RentalContract moved = new RentalContract("HT2", "BA2", NEW_HOME, Property.Usage.RESIDENTIAL, movedOn,
                today.plusYears(1), RentalContract.Status.FILED, "EL-2");
        OffsetDateTime earlyThatMorningInShanghai = movedOn.minusDays(1).atTime(20, 0).atOffset(ZoneOffset.UTC);
        Application change = new Application("APL-1", "p", Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.UNDER_REVIEW, earlyThatMorningInShanghai, earlyThatMorningInShanghai, null, null,
                List.of());

        assertThat(ReminderRules.reminders(facts(today, registration(today.minusYears(1)), null, List.of(change),
                List.of(moved)))).extracting(Reminder::kind).doesNotContain(Reminder.Kind.ADDRESS_CHANGE_DUE);
    }

    @Test
    void shouldRefuseAnOfficeRentedAsAHome() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        RentalContract office = new RentalContract("HT3", "BA3", NEW_HOME, Property.Usage.OFFICE,
                today.minusMonths(2), today.plusYears(1), RentalContract.Status.FILED, "EL-3");

        Journey journey = JourneyRules.journey(facts(today, null, null, List.of(), List.of(office)));

        assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(journey.blockers()).extracting(Journey.Blocker::code)
                .containsExactly(BlockerCode.NON_RESIDENTIAL_HOUSING);
    }

    // Work in progress and review outcomes (issue 11 item 5)

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void shouldFollowARenewalInProgressRatherThanTheExpiredPermit() {
        for (ResidencePermit old : List.of(FactsBuilder.permit(ResidencePermit.Status.EXPIRED, TODAY.minusDays(20)),
                FactsBuilder.permit(ResidencePermit.Status.REVOKED, TODAY.minusDays(20)),
                FactsBuilder.permit(ResidencePermit.Status.VALID, TODAY.minusDays(20)),
                FactsBuilder.permit(ResidencePermit.Status.LOST, TODAY.plusMonths(3)))) {
            Journey journey = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(3))
                    .permit(old).application(FactsBuilder.shipped("EMS1", TODAY.minusDays(8))).build());

            assertThat(journey.stage()).as(old.status().name()).isEqualTo(Stage.PERMIT_IN_PROGRESS);
            assertThat(codes(journey)).as(old.status().name()).containsExactly(ActionCode.TRACK_DELIVERY);
            assertThat(journey.blockers()).as(old.status().name()).isEmpty();
        }
    }

    @Test
    void shouldAskForWhatPoliceNeedWhenAPermitApplicationNeedsASupplement() {
        Application waiting = withEvents(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(3), Application.Status.SUBMITTED, "网上申请已提交"),
                event(TODAY.minusDays(1), Application.Status.NEEDS_SUPPLEMENT, " 请补充上传近期照片 "));

        Journey journey = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .application(waiting).build());

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_IN_PROGRESS);
        assertThat(journey.actions()).singleElement().satisfies(action -> {
            assertThat(action.code()).isEqualTo(ActionCode.SUPPLEMENT_APPLICATION);
            assertThat(both(action.message())).isEqualTo("居住证申请需补充材料：请补充上传近期照片 / Your residence permit "
                    + "application needs more from you: 请补充上传近期照片");
            assertThat(action.availableFrom()).isNull();
        });
        assertThat(journey.blockers()).isEmpty();
    }

    @Test
    void shouldExplainARegistrationThatNeedsASupplementInsteadOfLookingUnregistered() {
        Application waiting = withEvents(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(2), Application.Status.NEEDS_SUPPLEMENT, "请补充亲属的房屋产权证明"),
                event(TODAY.minusDays(5), Application.Status.NEEDS_SUPPLEMENT, "请补充亲属关系承诺书"));
        Application silent = withEvents(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(2), Application.Status.UNDER_REVIEW, "派出所民警审核中"));

        Journey journey = JourneyRules.journey(FactsBuilder.on(TODAY).application(waiting).build());

        assertThat(journey.stage()).isEqualTo(Stage.REGISTRATION_IN_PROGRESS);
        assertThat(codes(journey)).containsExactly(ActionCode.SUPPLEMENT_APPLICATION);
        assertThat(zh(journey.actions().get(0).message())).startsWith("居住登记需补充材料：请补充亲属的房屋产权证明");
        assertThat(journey.blockers()).isEmpty();
        assertThat(JourneyRules.journey(FactsBuilder.on(TODAY).application(silent).build()).actions())
                .singleElement().satisfies(action -> assertThat(both(action.message())).isEqualTo("居住登记需补充材料，"
                        + "请查看办理进度中派出所的要求 / Your residence registration needs more from you; see police's "
                        + "request in its progress"));
    }

    @Test
    void shouldAskForASupplementToAnyKindOfApplicationFirst() {
        Application change = withEvents(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(1), Application.Status.NEEDS_SUPPLEMENT, "请补充新住所的租赁合同"));

        Journey journey = JourneyRules.journey(holder().application(change).build());

        assertThat(journey.stage()).isEqualTo(Stage.PERMIT_HOLDER);
        assertThat(codes(journey)).containsExactly(ActionCode.SUPPLEMENT_APPLICATION, ActionCode.REPORT_PERMIT_LOSS);
        assertThat(both(journey.actions().get(0).message())).isEqualTo("居住登记地址变更需补充材料：请补充新住所的租赁合同 / "
                + "Your address change needs more from you: 请补充新住所的租赁合同");
    }

    @Test
    void shouldListEverySupplementFirstInTheOrderOfTheBusinesses() {
        Application photo = withEvents(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(1), Application.Status.NEEDS_SUPPLEMENT, "请上传白底照片"));
        Application change = withEvents(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.NEEDS_SUPPLEMENT,
                event(TODAY.minusDays(2), Application.Status.NEEDS_SUPPLEMENT, "请补充新住所的租赁合同"));

        Journey journey = JourneyRules.journey(holder().application(photo).application(change).build());

        assertThat(codes(journey)).containsExactly(ActionCode.SUPPLEMENT_APPLICATION,
                ActionCode.SUPPLEMENT_APPLICATION, ActionCode.REPORT_PERMIT_LOSS);
        assertThat(zh(journey.actions().get(0).message())).contains("请补充新住所的租赁合同");
        assertThat(zh(journey.actions().get(1).message())).contains("请上传白底照片");
    }

    @Test
    void shouldFollowAnApplicationOfAnotherKindInsteadOfOfferingItAgain() {
        Journey reporting = JourneyRules.journey(holder().application(FactsBuilder.application(
                Application.Kind.PERMIT_LOSS_REPORT, Application.Status.UNDER_REVIEW, TODAY)).build());
        Journey cancelling = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .permit(FactsBuilder.permit(ResidencePermit.Status.LOST, TODAY.plusMonths(6)))
                .application(FactsBuilder.application(Application.Kind.PERMIT_LOSS_CANCEL,
                        Application.Status.SUBMITTED, TODAY)).build());

        assertThat(codes(reporting)).containsExactly(ActionCode.TRACK_APPLICATION);
        assertThat(both(reporting.actions().get(0).message())).isEqualTo("居住证挂失办理中，可查看办理进度 / Your loss report "
                + "is being processed; follow its progress");
        assertThat(cancelling.stage()).isEqualTo(Stage.PERMIT_LOST);
        assertThat(codes(cancelling)).containsExactly(ActionCode.TRACK_APPLICATION);
        assertThat(zh(cancelling.actions().get(0).message())).startsWith("居住证解挂办理中");
    }

    @Test
    void shouldShowARejectedPermitApplicationWithPolicesNoteAndOfferToApplyAgain() {
        Application rejected = withEvents(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.REJECTED,
                event(TODAY.minusDays(5), Application.Status.REJECTED, "照片不符合要求，请更换照片后重新申请"));

        Journey journey = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .photo(FactsBuilder.photo(Photo.Background.WHITE))
                .application(rejected).build());

        assertThat(journey.stage()).isEqualTo(Stage.ELIGIBLE_FOR_PERMIT);
        assertThat(journey.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.code()).isEqualTo(BlockerCode.APPLICATION_REJECTED);
            assertThat(both(blocker.message())).isEqualTo("居住证申请未通过：照片不符合要求，请更换照片后重新申请 / Your "
                    + "residence permit application was refused: 照片不符合要求，请更换照片后重新申请");
        });
        assertThat(codes(journey)).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT);
    }

    @Test
    void shouldKeepARejectionBesideWhatElseStandsInTheWay() {
        Application rejected = FactsBuilder.application(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.REJECTED, TODAY.minusMonths(2));

        Journey waiting = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusMonths(5))
                .application(rejected).build());
        Journey expired = JourneyRules.journey(holder(FactsBuilder.permit(ResidencePermit.Status.EXPIRED,
                TODAY.minusMonths(1))).application(rejected).build());

        assertThat(blocks(waiting)).containsExactly(BlockerCode.APPLICATION_REJECTED,
                BlockerCode.REGISTRATION_TOO_RECENT);
        assertThat(codes(waiting)).containsExactly(ActionCode.WAIT_FOR_PERMIT_ELIGIBILITY);
        assertThat(both(waiting.blockers().get(0).message())).isEqualTo("居住证申请未通过审核 / Your residence permit "
                + "application was refused");
        assertThat(blocks(expired)).containsExactly(BlockerCode.APPLICATION_REJECTED, BlockerCode.PERMIT_EXPIRED);
        assertThat(codes(expired)).containsExactly(ActionCode.APPLY_RESIDENCE_PERMIT);
    }

    @Test
    void shouldForgetARejectionThatANewerApplicationOrAPermitReplaced() {
        Application rejected = FactsBuilder.application(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.REJECTED, TODAY.minusMonths(2));
        Application again = FactsBuilder.application(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.UNDER_REVIEW, TODAY.minusMonths(1));

        assertThat(blocks(JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))
                .application(rejected).application(again).build()))).isEmpty();
        assertThat(blocks(JourneyRules.journey(holder().application(rejected).build()))).isEmpty();
        assertThat(blocks(JourneyRules.journey(holder(FactsBuilder.permit(ResidencePermit.Status.VALID,
                TODAY.minusDays(1))).application(rejected).build())))
                .containsExactly(BlockerCode.APPLICATION_REJECTED, BlockerCode.PERMIT_EXPIRED);
    }

    @Test
    void shouldShowARejectedRegistrationUntilTheResidentIsRegistered() {
        Application rejected = withEvents(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.REJECTED,
                event(TODAY.minusMonths(8), Application.Status.REJECTED, "申报住所为办公用房"));

        Journey unregistered = JourneyRules.journey(FactsBuilder.on(TODAY).application(rejected).build());
        Journey registered = JourneyRules.journey(FactsBuilder.on(TODAY).registeredOn(TODAY.minusMonths(3))
                .application(rejected).build());

        assertThat(unregistered.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(blocks(unregistered)).containsExactly(BlockerCode.APPLICATION_REJECTED);
        assertThat(both(unregistered.blockers().get(0).message())).isEqualTo("居住登记未通过：申报住所为办公用房 / Your "
                + "residence registration was refused: 申报住所为办公用房");
        assertThat(codes(unregistered)).containsExactly(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                ActionCode.FILE_RENTAL_CONTRACT);
        assertThat(blocks(registered)).containsExactly(BlockerCode.REGISTRATION_TOO_RECENT);
    }

    @Test
    void shouldShowOtherRefusalsForThirtyDaysWithTheWayToApplyAgain() {
        Application change = FactsBuilder.application(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.REJECTED, TODAY.minusDays(30));
        Application photo = FactsBuilder.application(Application.Kind.PERMIT_PHOTO_CHANGE,
                Application.Status.REJECTED, TODAY.minusDays(30));
        Application oldPhoto = FactsBuilder.application(Application.Kind.PERMIT_PHOTO_CHANGE,
                Application.Status.REJECTED, TODAY.minusDays(31));
        Application loss = FactsBuilder.application(Application.Kind.PERMIT_LOSS_REPORT,
                Application.Status.REJECTED, TODAY.minusDays(3));

        Journey changed = JourneyRules.journey(holder().application(change).build());
        Journey photographed = JourneyRules.journey(holder().application(photo).build());

        assertThat(blocks(changed)).containsExactly(BlockerCode.APPLICATION_REJECTED);
        assertThat(zh(changed.blockers().get(0).message())).startsWith("居住登记地址变更未通过审核");
        assertThat(codes(changed)).containsExactly(ActionCode.REPORT_PERMIT_LOSS,
                ActionCode.CHANGE_REGISTRATION_ADDRESS);
        assertThat(both(changed.actions().get(1).message())).isEqualTo("可重新申请居住登记地址变更 / You may apply for the "
                + "address change again");
        assertThat(blocks(photographed)).containsExactly(BlockerCode.APPLICATION_REJECTED);
        assertThat(codes(photographed)).containsExactly(ActionCode.REPORT_PERMIT_LOSS,
                ActionCode.UPLOAD_PERMIT_PHOTO);
        assertThat(blocks(JourneyRules.journey(holder().application(oldPhoto).build()))).isEmpty();
        assertThat(codes(JourneyRules.journey(holder().application(loss).build())))
                .containsExactly(ActionCode.REPORT_PERMIT_LOSS);
        assertThat(codes(JourneyRules.journey(FactsBuilder.on(TODAY).application(change).application(photo).build())))
                .doesNotContain(ActionCode.CHANGE_REGISTRATION_ADDRESS, ActionCode.UPLOAD_PERMIT_PHOTO);
    }

    @Test
    void shouldNotOfferAnAddressChangeAgainWhileTheMoveIsAlreadyDeclaredAgain() {
        Application rejected = FactsBuilder.application(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                Application.Status.REJECTED, TODAY.minusDays(5));
        RentalContract moved = FactsBuilder.filed(NEW_HOME, TODAY.minusDays(10));

        Journey journey = JourneyRules.journey(holder().contract(moved).application(rejected).build());

        assertThat(codes(journey)).containsExactly(ActionCode.REPORT_PERMIT_LOSS,
                ActionCode.CHANGE_REGISTRATION_ADDRESS);
        assertThat(zh(journey.actions().get(1).message())).contains(" 前变更居住登记地址");
    }

    /** Registered a year ago, holding a valid permit for another year. */
    private static FactsBuilder holder() {
        return holder(FactsBuilder.permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)));
    }

    private static FactsBuilder holder(ResidencePermit permit) {
        return FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).permit(permit);
    }

    static Application withEvents(Application.Kind kind, Application.Status status, Application.Event... events) {
        return new Application("APL-" + kind, "p", kind, status, at(TODAY.minusDays(10)), at(TODAY.minusDays(1)),
                null, null, List.of(events));
    }

    static Application.Event event(LocalDate day, Application.Status status, String note) {
        return new Application.Event(at(day), status, note);
    }

    private static List<ActionCode> codes(Journey journey) {
        return journey.actions().stream().map(Journey.Action::code).toList();
    }

    private static List<BlockerCode> blocks(Journey journey) {
        return journey.blockers().stream().map(Journey.Blocker::code).toList();
    }

    private static CitizenFacts facts(LocalDate today, ResidenceRegistration registration, ResidencePermit permit,
            List<Application> applications, List<RentalContract> contracts) {
        return new CitizenFacts(today, registration, permit, applications, List.of(), contracts, List.of(), null,
                Map.of());
    }

    private static ResidenceRegistration registration(LocalDate registeredOn) {
        return new ResidenceRegistration("JZDJ1", ResidenceRegistration.Status.ACTIVE, registeredOn, HOME,
                ResidenceRegistration.ResidenceType.RENTED_HOUSING, null);
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    }
}
