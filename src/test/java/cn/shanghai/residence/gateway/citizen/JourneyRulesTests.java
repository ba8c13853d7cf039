package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.citizen.Journey.ActionCode;
import cn.shanghai.residence.gateway.citizen.Journey.BlockerCode;
import cn.shanghai.residence.gateway.citizen.Journey.Stage;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Address;

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
                .satisfies(r -> assertThat(r.message()).contains("已于 " + today.minusDays(3) + " 过期"));
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
    void shouldRefuseAnOfficeRentedAsAHome() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        RentalContract office = new RentalContract("HT3", "BA3", NEW_HOME, Property.Usage.OFFICE,
                today.minusMonths(2), today.plusYears(1), RentalContract.Status.FILED, "EL-3");

        Journey journey = JourneyRules.journey(facts(today, null, null, List.of(), List.of(office)));

        assertThat(journey.stage()).isEqualTo(Stage.NOT_REGISTERED);
        assertThat(journey.blockers()).extracting(Journey.Blocker::code)
                .containsExactly(BlockerCode.NON_RESIDENTIAL_HOUSING);
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
