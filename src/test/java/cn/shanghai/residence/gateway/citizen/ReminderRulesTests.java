package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.shanghai.residence.gateway.citizen.Reminder.Kind;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.reference.Address;

import static cn.shanghai.residence.gateway.citizen.FactsBuilder.HOME;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.NEW_HOME;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.application;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.at;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.contract;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.filed;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.permit;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.permitFailingAutoEndorsement;
import static cn.shanghai.residence.gateway.citizen.FactsBuilder.shipped;
import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static cn.shanghai.residence.gateway.i18n.Rendered.en;
import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each reminder at the exact edge of its window (NOTICE_DAYS = 30), and the order the home screen shows them in. */
class ReminderRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void shouldRemindOfPermitEligibilityThirtyDaysAheadButNotThirtyOne() {
        LocalDate registeredIn30 = TODAY.plusDays(30).minusMonths(6);
        LocalDate registeredIn31 = TODAY.plusDays(31).minusMonths(6);

        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(registeredIn30)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_ELIGIBLE);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.plusDays(30));
                    assertThat(zh(reminder.message())).contains(TODAY.plusDays(30) + " 起可申办居住证");
                });
        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(registeredIn31))).isEmpty();
    }

    @Test
    void shouldKeepRemindingOfEligibilityOnceItHasArrived() {
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1))))
                .containsExactly(Kind.PERMIT_ELIGIBLE);
    }

    @Test
    void shouldRemindOfEligibilityWhenThePermitHasExpiredOrBeenRevoked() {
        for (ResidencePermit.Status status : List.of(ResidencePermit.Status.EXPIRED, ResidencePermit.Status.REVOKED)) {
            assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(2))
                    .permit(permit(status, TODAY.minusMonths(2))))).as(status.name())
                    .containsExactly(Kind.PERMIT_ELIGIBLE);
        }
    }

    @Test
    void shouldNotRemindOfEligibilityToAHolderOfALostOrValidPermit() {
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(2))
                .permit(permit(ResidencePermit.Status.LOST, TODAY.plusYears(1))))).isEmpty();
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(2))
                .permit(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))))).isEmpty();
    }

    @Test
    void shouldNotRemindOfEligibilityWhileAPermitApplicationIsOpen() {
        FactsBuilder applied = FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(
                application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.UNDER_REVIEW, TODAY));

        assertThat(kinds(applied)).isEmpty();
    }

    @Test
    void shouldRemindOfEligibilityAgainAfterARejectionOrAnotherKindOfApplication() {
        FactsBuilder rejected = FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(
                application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.REJECTED, TODAY));
        FactsBuilder other = FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(
                application(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.UNDER_REVIEW, TODAY));

        assertThat(kinds(rejected)).containsExactly(Kind.PERMIT_ELIGIBLE, Kind.APPLICATION_REJECTED);
        assertThat(kinds(other)).containsExactly(Kind.PERMIT_ELIGIBLE);
    }

    @Test
    void shouldNotRemindOfEligibilityWithoutAnActiveRegistration() {
        FactsBuilder cancelled = FactsBuilder.on(TODAY).registration(new ResidenceRegistration("JZDJ1",
                ResidenceRegistration.Status.CANCELLED, TODAY.minusYears(1), HOME,
                ResidenceRegistration.ResidenceType.RENTED_HOUSING, null));

        assertThat(kinds(cancelled)).isEmpty();
    }

    @Test
    void shouldRemindOfAnEndorsementDueExactlyOnTheHorizonButNotTheDayAfter() {
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusDays(30)))))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.ENDORSEMENT_DUE);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.plusDays(30));
                    assertThat(zh(reminder.message())).contains("将于 " + TODAY.plusDays(30) + " 到期");
                });
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusDays(31))))).isEmpty();
    }

    @Test
    void shouldCallAnEndorsementEndingTodayDueAndOneEndingYesterdayLapsed() {
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY)))).singleElement()
                .satisfies(reminder -> assertThat(zh(reminder.message())).contains("将于 " + TODAY + " 到期"));
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.minusDays(1))))).singleElement()
                .satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.ENDORSEMENT_DUE);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(1));
                    assertThat(both(reminder.message())).contains("已于 " + TODAY.minusDays(1) + " 过期")
                            .contains("lapsed");
                });
    }

    @Test
    void shouldNotRemindOfTheEndorsementOfAPermitNoLongerInHand() {
        for (ResidencePermit.Status status : List.of(ResidencePermit.Status.LOST, ResidencePermit.Status.EXPIRED,
                ResidencePermit.Status.REVOKED)) {
            assertThat(kinds(holder(permit(status, TODAY.plusDays(10))))).as(status.name())
                    .doesNotContain(Kind.ENDORSEMENT_DUE);
            assertThat(kinds(holder(permit(status, TODAY.minusDays(10))))).as(status.name())
                    .doesNotContain(Kind.ENDORSEMENT_DUE);
        }
    }

    @Test
    void shouldRemindOfAFailedAutomaticEndorsementOnTheEndorsementDate() {
        LocalDate validUntil = TODAY.plusMonths(3);

        assertThat(reminders(holder(permitFailingAutoEndorsement(validUntil)))).singleElement()
                .satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.AUTO_ENDORSEMENT_FAILED);
                    assertThat(reminder.dueOn()).isEqualTo(validUntil);
                });
    }

    @Test
    void shouldGivePolicesOwnReasonInTheAutoEndorsementReminder() {
        ResidencePermit refused = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, new ResidencePermit.AutoEndorsement(false, "民警核实不在登记地址居住"));
        ResidencePermit silent = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, new ResidencePermit.AutoEndorsement(false, " "));

        assertThat(reminders(holder(refused))).singleElement().satisfies(reminder -> assertThat(both(reminder.message()))
                .isEqualTo("自动签注未通过：民警核实不在登记地址居住；请到服务中心办理签注 / Automatic endorsement failed "
                        + "(police's reason: 民警核实不在登记地址居住); renew it at a service centre"));
        assertThat(reminders(holder(silent))).singleElement().satisfies(reminder -> assertThat(both(reminder.message()))
                .isEqualTo("自动签注未通过，请到服务中心办理签注 / Automatic endorsement failed; renew it at a service "
                        + "centre"));
    }

    @Test
    void shouldNotRemindOfAutomaticEndorsementWhenItPassesIsUnknownOrThePermitIsLost() {
        ResidencePermit unknown = new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, null);
        ResidencePermit lost = new ResidencePermit("JZZ1", ResidencePermit.Status.LOST, TODAY.minusMonths(9),
                TODAY.plusMonths(3), null, new ResidencePermit.AutoEndorsement(false, "NOT_LIVING_AT_ADDRESS"));

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusMonths(3))))).isEmpty();
        assertThat(reminders(holder(unknown))).isEmpty();
        assertThat(reminders(holder(lost))).isEmpty();
    }

    @Test
    void shouldAskForAnAddressChangeWithinThirtyDaysOfTheNewestMove() {
        LocalDate firstMove = TODAY.minusDays(40);
        LocalDate secondMove = TODAY.minusDays(10);
        Address third = new Address("静安区", "南京西路街道", "1号");
        FactsBuilder moved = holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, firstMove)).contract(filed(third, secondMove));

        assertThat(reminders(moved)).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(Kind.ADDRESS_CHANGE_DUE);
            assertThat(reminder.dueOn()).isEqualTo(secondMove.plusDays(30));
        });
    }

    @Test
    void shouldNotAskForAnAddressChangeForTheRegisteredHomeWrittenDifferently() {
        Address sameHomeSpaced = new Address("徐汇区 ", "漕河泾 街道", "漕宝路88弄 3号1001室");

        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(sameHomeSpaced, TODAY.minusDays(10))))).isEmpty();
    }

    @Test
    void shouldNotAskForAnAddressChangeForAContractFromBeforeOrOnTheRegistrationDay() {
        LocalDate registered = TODAY.minusYears(1);

        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(registered)
                .permit(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, registered)))).isEmpty();
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(registered)
                .permit(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, registered.plusDays(1))))).containsExactly(Kind.ADDRESS_CHANGE_DUE);
    }

    @Test
    void shouldNotAskForAnAddressChangeForAContractThatProvesNoResidence() {
        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).contract(contract(NEW_HOME,
                Property.Usage.RESIDENTIAL, TODAY.minusDays(10), RentalContract.Status.PENDING_FILING)))).isEmpty();
        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).contract(contract(NEW_HOME,
                Property.Usage.OFFICE, TODAY.minusDays(10), RentalContract.Status.FILED)))).isEmpty();
        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, TODAY.plusDays(1))))).isEmpty();
    }

    @Test
    void shouldCountADeclarationMadeOnTheDayOfTheMoveButNotOneBefore() {
        LocalDate moved = TODAY.minusDays(10);
        FactsBuilder sameDay = holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, moved))
                .application(application(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                        Application.Status.APPROVED, moved));
        FactsBuilder dayBefore = holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .contract(filed(NEW_HOME, moved))
                .application(application(Application.Kind.REGISTRATION_ADDRESS_CHANGE,
                        Application.Status.APPROVED, moved.minusDays(1)));

        assertThat(kinds(sameDay)).containsExactly(Kind.APPLICATION_APPROVED);
        assertThat(kinds(dayBefore)).containsExactly(Kind.APPLICATION_APPROVED, Kind.ADDRESS_CHANGE_DUE);
    }

    @Test
    void shouldNotCountARejectedOrCancelledDeclarationOrAnotherKindOfApplication() {
        LocalDate moved = TODAY.minusDays(10);
        for (Application declaration : List.of(
                application(Application.Kind.REGISTRATION_ADDRESS_CHANGE, Application.Status.REJECTED, TODAY),
                application(Application.Kind.REGISTRATION_ADDRESS_CHANGE, Application.Status.CANCELLED, TODAY),
                application(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.COMPLETED, TODAY))) {
            assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                    .contract(filed(NEW_HOME, moved)).application(declaration))).as(declaration.applicationId())
                    .contains(Kind.ADDRESS_CHANGE_DUE);
        }
    }

    @Test
    void shouldRemindOfAPermitReadyForPickupWithoutADate() {
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(
                application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.READY_FOR_PICKUP, TODAY))))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.READY_FOR_PICKUP);
                    assertThat(reminder.dueOn()).isNull();
                    assertThat(zh(reminder.message())).contains("请携带身份证到服务中心领取");
                });
    }

    @Test
    void shouldGiveADeliveryUpdateForAShippedPermitWithATrackedShipment() {
        Shipment parcel = new Shipment("EMS1", Shipment.Status.IN_TRANSIT, 1500, TODAY.plusDays(2), List.of());

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .application(shipped("EMS1", TODAY.minusDays(3))).shipment(parcel)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.DELIVERY_UPDATE);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.plusDays(2));
                    assertThat(both(reminder.message())).isEqualTo("居住证邮件运输中，预计 " + TODAY.plusDays(2)
                            + " 送达，货到付款 15.00 元 / Your permit parcel is in transit, expected on "
                            + TODAY.plusDays(2) + ", 15.00 CNY cash on delivery");
                });
    }

    @Test
    void shouldLeaveOutTheDateAndFeeTheCarrierDoesNotKnow() {
        Shipment parcel = new Shipment("EMS1", Shipment.Status.OUT_FOR_DELIVERY, null, null, List.of());

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .application(shipped("EMS1", TODAY.minusDays(3))).shipment(parcel)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.dueOn()).isNull();
                    assertThat(both(reminder.message()))
                            .isEqualTo("居住证邮件派送中 / Your permit parcel is out for delivery");
                });
    }

    @Test
    void shouldTellOfAParcelStatusTheGatewayDoesNotKnowWithoutGuessingItsMeaning() {
        Shipment parcel = new Shipment("EMS1", Shipment.Status.UNKNOWN, null, TODAY.plusDays(1), List.of());

        assertThat(reminders(FactsBuilder.on(TODAY).application(shipped("EMS1", TODAY)).shipment(parcel)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.DELIVERY_UPDATE);
                    assertThat(both(reminder.message())).isEqualTo("居住证邮件有新的物流状态，预计 " + TODAY.plusDays(1)
                            + " 送达 / Your permit parcel has a new status, expected on " + TODAY.plusDays(1));
                });
    }

    @Test
    void shouldSayNothingOfAnApplicationInAStatusTheGatewayDoesNotKnow() {
        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusMonths(3)).application(
                application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.UNKNOWN, TODAY)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"CREATED, 已交寄", "PICKED_UP, 已交寄", "IN_TRANSIT, 运输中", "OUT_FOR_DELIVERY, 派送中",
            "DELIVERED, 已签收", "RETURNED, 已退回", "EXCEPTION, 投递异常"})
    void shouldNameEachParcelStatus(Shipment.Status status, String chinese) {
        Shipment parcel = new Shipment("EMS1", status, null, null, List.of());

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                .application(shipped("EMS1", TODAY)).shipment(parcel)))
                .singleElement().satisfies(reminder -> {
                    assertThat(zh(reminder.message())).isEqualTo("居住证邮件" + chinese);
                    assertThat(en(reminder.message())).endsWith(status.name().toLowerCase().replace('_', ' '));
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Application.Status.class, names = {"SHIPPED"}, mode = EnumSource.Mode.EXCLUDE)
    void shouldGiveNoDeliveryUpdateUnlessTheApplicationIsShipped(Application.Status status) {
        Application notShipped = new Application("APL-1", "p", Application.Kind.RESIDENCE_PERMIT_NEW, status,
                at(TODAY), at(TODAY), new Application.Delivery(Application.DeliveryMethod.POSTAL, null, "EMS1"), null,
                List.of());
        Shipment parcel = new Shipment("EMS1", Shipment.Status.IN_TRANSIT, 1500, TODAY.plusDays(2), List.of());

        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(notShipped)
                .shipment(parcel))).doesNotContain(Kind.DELIVERY_UPDATE);
    }

    @Test
    void shouldSayThePermitWasShippedWhenTheCarrierHasNoParcelForIt() {
        Application noDelivery = new Application("APL-1", "p", Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.SHIPPED, at(TODAY), at(TODAY), null, null, List.of());
        Application noTrackingNo = new Application("APL-2", "p", Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.SHIPPED, at(TODAY), at(TODAY),
                new Application.Delivery(Application.DeliveryMethod.POSTAL, null, null), null, List.of());
        Shipment other = new Shipment("EMS9", Shipment.Status.IN_TRANSIT, 1500, TODAY.plusDays(2), List.of());

        assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(noDelivery)
                .application(noTrackingNo).application(shipped("EMS1", TODAY)).shipment(other)))
                .containsExactly(Kind.PERMIT_SHIPPED, Kind.PERMIT_SHIPPED, Kind.PERMIT_SHIPPED);
    }

    @Test
    void shouldSortRemindersSoonestFirstAndUndatedLast() {
        LocalDate moved = TODAY.minusDays(25);
        Shipment parcel = new Shipment("EMS1", Shipment.Status.IN_TRANSIT, 1500, TODAY.plusDays(2), List.of());
        FactsBuilder busy = holder(permitFailingAutoEndorsement(TODAY.plusDays(20)))
                .contract(filed(NEW_HOME, moved))
                .application(application(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.READY_FOR_PICKUP,
                        TODAY.minusDays(5)))
                .application(shipped("EMS1", TODAY.minusDays(4))).shipment(parcel);

        assertThat(reminders(busy)).extracting(Reminder::kind, Reminder::dueOn).containsExactly(
                tuple(Kind.DELIVERY_UPDATE, TODAY.plusDays(2)),
                tuple(Kind.ADDRESS_CHANGE_DUE, moved.plusDays(30)),
                tuple(Kind.ENDORSEMENT_DUE, TODAY.plusDays(20)),
                tuple(Kind.AUTO_ENDORSEMENT_FAILED, TODAY.plusDays(20)),
                tuple(Kind.READY_FOR_PICKUP, null));
    }

    // Progress of every application: review, production, logistics (issue 11 item 6)

    @Test
    void shouldSayWhatPoliceNeedOnTheDayTheyAskedForIt() {
        Application waiting = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_REGISTRATION,
                Application.Status.NEEDS_SUPPLEMENT,
                JourneyRulesTests.event(TODAY.minusDays(4), Application.Status.SUBMITTED, "网上申请已提交"),
                JourneyRulesTests.event(TODAY.minusDays(1), Application.Status.NEEDS_SUPPLEMENT, "请补充房屋产权证明"));

        assertThat(reminders(FactsBuilder.on(TODAY).application(waiting))).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(Kind.APPLICATION_NEEDS_SUPPLEMENT);
            assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(1));
            assertThat(both(reminder.message())).isEqualTo("居住登记需补充材料：请补充房屋产权证明 / Your residence "
                    + "registration needs more from you: 请补充房屋产权证明");
        });
    }

    @Test
    void shouldTellOfARefusalWithPolicesNoteForThirtyDays() {
        Application refused = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.REJECTED,
                JourneyRulesTests.event(TODAY.minusDays(30), Application.Status.REJECTED, "照片不符合要求"));
        Application older = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.REJECTED,
                JourneyRulesTests.event(TODAY.minusDays(31), Application.Status.REJECTED, "照片不符合要求"));

        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusMonths(3)).application(refused)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.APPLICATION_REJECTED);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(30));
                    assertThat(both(reminder.message())).isEqualTo("居住证申请未通过：照片不符合要求 / Your residence permit "
                            + "application was refused: 照片不符合要求");
                });
        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusMonths(3)).application(older)))
                .isEmpty();
    }

    @Test
    void shouldNotTellOfARefusalThatANewerApplicationOrARegistrationReplaced() {
        Application refused = application(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.REJECTED,
                TODAY.minusDays(5));
        Application again = application(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.UNDER_REVIEW,
                TODAY.minusDays(2));

        assertThat(kinds(FactsBuilder.on(TODAY).application(refused))).containsExactly(Kind.APPLICATION_REJECTED);
        assertThat(kinds(FactsBuilder.on(TODAY).application(refused).application(again))).isEmpty();
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusDays(1)).application(refused))).isEmpty();
    }

    @Test
    void shouldTellOfAnApprovedPermitWithItsElectronicLicenceIssuedThatDay() {
        Application approved = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.APPROVED,
                JourneyRulesTests.event(TODAY.minusDays(1), Application.Status.APPROVED, "审核通过"));

        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(approved)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.APPLICATION_APPROVED);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(1));
                    assertThat(both(reminder.message())).isEqualTo("居住证申请已于 " + TODAY.minusDays(1) + " 审核通过，"
                            + "电子《上海市居住证》已于当日生成，可在电子证照中查看 / Your residence permit was approved "
                            + "on " + TODAY.minusDays(1) + "; its e-licence was issued the same day: see your "
                            + "e-licences");
                });
    }

    @Test
    void shouldKeepTellingOfARegistrationApprovedAndClosedAtOnceForThirtyDays() {
        Application closed = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_REGISTRATION,
                Application.Status.COMPLETED,
                JourneyRulesTests.event(TODAY.minusDays(31), Application.Status.APPROVED, "初审通过"),
                JourneyRulesTests.event(TODAY.minusDays(30), Application.Status.APPROVED, "审核通过"),
                JourneyRulesTests.event(TODAY.minusDays(29), Application.Status.COMPLETED, "办结"));
        Application old = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_REGISTRATION,
                Application.Status.COMPLETED,
                JourneyRulesTests.event(TODAY.minusDays(31), Application.Status.APPROVED, "审核通过"));
        Application permitCollected = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.COMPLETED,
                JourneyRulesTests.event(TODAY.minusDays(3), Application.Status.APPROVED, "审核通过"));
        Application neverApproved = JourneyRulesTests.withEvents(Application.Kind.PERMIT_LOSS_REPORT,
                Application.Status.COMPLETED);

        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusDays(29)).application(closed)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.APPLICATION_APPROVED);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(30));
                    assertThat(zh(reminder.message())).startsWith("居住登记已于 " + TODAY.minusDays(30) + " 审核通过");
                });
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusDays(29)).application(old))).isEmpty();
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(permitCollected)))
                .doesNotContain(Kind.APPLICATION_APPROVED);
        assertThat(kinds(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(neverApproved)))
                .doesNotContain(Kind.APPLICATION_APPROVED);
    }

    @Test
    void shouldTellOfAnApprovedRegistrationWithItsCertificateWithinOneWorkingDay() {
        Application registration = application(Application.Kind.RESIDENCE_REGISTRATION, Application.Status.APPROVED,
                TODAY);
        Application change = application(Application.Kind.REGISTRATION_ADDRESS_CHANGE, Application.Status.APPROVED,
                TODAY.minusDays(2));

        assertThat(reminders(FactsBuilder.on(TODAY).application(registration))).singleElement()
                .satisfies(reminder -> assertThat(both(reminder.message())).isEqualTo("居住登记已于 " + TODAY + " 审核通过，"
                        + "电子《居住登记凭证》1个工作日内制发 / Your residence registration was approved on " + TODAY
                        + "; the e-certificate follows within 1 working day"));
        assertThat(reminders(FactsBuilder.on(TODAY).application(change))).singleElement()
                .satisfies(reminder -> assertThat(both(reminder.message())).isEqualTo("居住登记地址变更已于 "
                        + TODAY.minusDays(2) + " 审核通过 / Your address change was approved on " + TODAY.minusDays(2)));
    }

    @Test
    void shouldTellOfACardInProduction() {
        Application making = application(Application.Kind.PERMIT_PHOTO_CHANGE, Application.Status.IN_PRODUCTION,
                TODAY.minusDays(3));

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(making)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_IN_PRODUCTION);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(3));
                    assertThat(both(reminder.message())).isEqualTo("居住证已于 " + TODAY.minusDays(3) + " 进入制作 / Your "
                            + "permit card went into production on " + TODAY.minusDays(3));
                });
    }

    @Test
    void shouldTellOfAShippedCardOnTheDayItLeftWithItsTrackingNumber() {
        Application sent = new Application("APL-1", "p", Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.SHIPPED, at(TODAY.minusDays(6)), at(TODAY.minusDays(1)),
                new Application.Delivery(Application.DeliveryMethod.POSTAL, null, "EMS1"), null,
                List.of(JourneyRulesTests.event(TODAY.minusDays(2), Application.Status.SHIPPED, "已交邮政寄递")));

        assertThat(reminders(FactsBuilder.on(TODAY).application(sent))).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_SHIPPED);
            assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(2));
            assertThat(both(reminder.message())).isEqualTo("居住证已于 " + TODAY.minusDays(2) + " 交邮政EMS寄出，运单号 EMS1，"
                    + "货到付款15元 / Your permit was sent by EMS on " + TODAY.minusDays(2) + ", tracking number EMS1, "
                    + "15 CNY cash on delivery");
        });
        assertThat(reminders(FactsBuilder.on(TODAY).application(application(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.SHIPPED, TODAY)))).singleElement().satisfies(reminder -> assertThat(
                        both(reminder.message())).isEqualTo("居住证已于 " + TODAY + " 交邮政EMS寄出，货到付款15元 / Your permit "
                                + "was sent by EMS on " + TODAY + ", 15 CNY cash on delivery"));
    }

    @Test
    void shouldTellOfAParcelOutForDeliveryOrDeliveredAsTheirOwnKinds() {
        Shipment out = new Shipment("EMS1", Shipment.Status.OUT_FOR_DELIVERY, 1500, TODAY, List.of());
        Shipment delivered = new Shipment("EMS1", Shipment.Status.DELIVERED, 1500, TODAY.minusDays(1), List.of(
                new Shipment.Event(at(TODAY.minusDays(2)), "揽投部", "已收寄"),
                new Shipment.Event(TODAY.atTime(0, 30).atOffset(ZoneOffset.ofHours(8)), "揽投部", "已签收"),
                new Shipment.Event(at(TODAY.minusDays(1)), "揽投部", "派送中")));
        Shipment deliveredUndated = new Shipment("EMS1", Shipment.Status.DELIVERED, null, TODAY.minusDays(3),
                List.of());

        assertThat(reminders(FactsBuilder.on(TODAY).application(shipped("EMS1", TODAY.minusDays(3))).shipment(out)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_OUT_FOR_DELIVERY);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY);
                    assertThat(zh(reminder.message())).startsWith("居住证邮件派送中，预计 " + TODAY + " 送达");
                });
        assertThat(reminders(FactsBuilder.on(TODAY).application(shipped("EMS1", TODAY.minusDays(3)))
                .shipment(delivered))).singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_DELIVERED);
                    assertThat(reminder.dueOn()).as("the newest scan, in Shanghai").isEqualTo(TODAY);
                    assertThat(zh(reminder.message())).startsWith("居住证邮件已签收");
                });
        assertThat(reminders(FactsBuilder.on(TODAY).application(shipped("EMS1", TODAY.minusDays(5)))
                .shipment(deliveredUndated))).singleElement()
                .satisfies(reminder -> assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(3)));
    }

    @Test
    void shouldTellOfADeliveredCardForThirtyDays() {
        Application delivered = application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.DELIVERED,
                TODAY.minusDays(30));
        Application older = application(Application.Kind.RESIDENCE_PERMIT_NEW, Application.Status.DELIVERED,
                TODAY.minusDays(31));

        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(delivered)))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(Kind.PERMIT_DELIVERED);
                    assertThat(reminder.dueOn()).isEqualTo(TODAY.minusDays(30));
                    assertThat(both(reminder.message())).isEqualTo("居住证已于 " + TODAY.minusDays(30) + " 送达签收 / Your "
                            + "permit was delivered on " + TODAY.minusDays(30));
                });
        assertThat(reminders(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1))).application(older)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Application.Status.class, names = {"SUBMITTED", "UNDER_REVIEW", "COMPLETED", "CANCELLED"})
    void shouldStayQuietWhileNothingHasHappenedOrAfterTheEnd(Application.Status status) {
        for (Application.Kind kind : Application.Kind.values()) {
            assertThat(kinds(holder(permit(ResidencePermit.Status.VALID, TODAY.plusYears(1)))
                    .application(application(kind, status, TODAY.minusDays(1))))).as(kind.name()).isEmpty();
        }
    }

    @Test
    void shouldDateAnEventByTheDayInShanghai() {
        Application late = JourneyRulesTests.withEvents(Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.IN_PRODUCTION, new Application.Event(
                        TODAY.minusDays(1).atTime(17, 0).atOffset(ZoneOffset.UTC),
                        Application.Status.IN_PRODUCTION, null));

        assertThat(reminders(FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).application(late)))
                .singleElement().satisfies(reminder -> assertThat(reminder.dueOn()).isEqualTo(TODAY));
    }

    @Test
    void shouldSetTheNoticeAtThirtyDays() {
        assertThat(ReminderRules.NOTICE_DAYS).isEqualTo(30);
    }

    /** Registered a year ago at HOME, holding {@code permit}. */
    private static FactsBuilder holder(ResidencePermit permit) {
        return FactsBuilder.on(TODAY).registeredOn(TODAY.minusYears(1)).permit(permit);
    }

    private static List<Reminder> reminders(FactsBuilder facts) {
        return ReminderRules.reminders(facts.build());
    }

    private static List<Kind> kinds(FactsBuilder facts) {
        return reminders(facts).stream().map(Reminder::kind).toList();
    }
}
