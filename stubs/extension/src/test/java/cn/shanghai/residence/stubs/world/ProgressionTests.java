package cn.shanghai.residence.stubs.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's course of each kind of application, on edge dates, without WireMock. */
class ProgressionTests {

    /** Friday 2026-11-27 10:00 Shanghai. */
    private static final Instant FRIDAY_MORNING = at(2026, 11, 27, 10, 0);

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(SandboxClock.SHANGHAI).toInstant();
    }

    private static Submission submission(String kind, Instant at, Outcome outcome, Map<String, Object> payload) {
        return new Submission("APL-t", "ywtb-1001", kind, "k", at, payload, outcome);
    }

    private static List<String> statuses(Progression.Plan plan, Instant now) {
        return plan.reached(now).stream().map(Progression.Step::status).toList();
    }

    @Test
    void shouldApproveARegistrationAtTheEndOfTheNextWorkingDaySkippingTheWeekend() {
        Progression.Plan plan = Progression.plan(submission("RESIDENCE_REGISTRATION", FRIDAY_MORNING, Outcome.NORMAL, Map.of()));

        assertThat(plan.approvedAt()).isEqualTo(at(2026, 11, 30, 17, 0));
        assertThat(statuses(plan, FRIDAY_MORNING)).containsExactly("SUBMITTED");
        assertThat(statuses(plan, FRIDAY_MORNING.plus(Duration.ofHours(1)))).containsExactly("SUBMITTED", "UNDER_REVIEW");
        assertThat(statuses(plan, at(2026, 11, 30, 16, 59))).endsWith("UNDER_REVIEW");
        assertThat(plan.approvedBy(at(2026, 11, 30, 16, 59))).isFalse();
        assertThat(plan.approvedBy(at(2026, 11, 30, 17, 0))).isTrue();
        assertThat(statuses(plan, at(2026, 11, 30, 17, 5)))
                .containsExactly("SUBMITTED", "UNDER_REVIEW", "APPROVED", "COMPLETED");
    }

    @Test
    void shouldApproveOnTheNextDayWhenSubmittedOnAWeekday() {
        Instant tuesday = at(2026, 12, 1, 23, 30);
        assertThat(Progression.plan(submission("RESIDENCE_REGISTRATION", tuesday, Outcome.NORMAL, Map.of())).approvedAt())
                .isEqualTo(at(2026, 12, 2, 17, 0));
    }

    @Test
    void shouldStopAtNeedsSupplementOrRejectedWhereApprovalWouldBe() {
        for (Outcome outcome : List.of(Outcome.NEEDS_SUPPLEMENT, Outcome.REJECTED)) {
            Progression.Plan plan = Progression.plan(submission("RESIDENCE_REGISTRATION", FRIDAY_MORNING, outcome, Map.of()));
            assertThat(plan.approvedAt()).isNull();
            assertThat(plan.current(at(2027, 1, 1, 0, 0)).status()).isEqualTo(outcome.name());
            assertThat(plan.current(at(2027, 1, 1, 0, 0)).at()).isEqualTo(at(2026, 11, 30, 17, 0));
        }
    }

    @Test
    void shouldReviewSlowlyWhenAskedTo() {
        Progression.Plan plan = Progression.plan(submission("RESIDENCE_REGISTRATION", FRIDAY_MORNING, Outcome.SLOW_REVIEW, Map.of()));
        assertThat(plan.approvedAt()).isEqualTo(at(2026, 12, 4, 17, 0));
        Progression.Plan permit = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.SLOW_REVIEW, Map.of()));
        assertThat(permit.approvedAt()).isEqualTo(at(2026, 12, 11, 17, 0));
    }

    @Test
    void shouldApproveProduceShipAndDeliverAPermitByPost() {
        Progression.Plan plan = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.NORMAL,
                Map.of("delivery", Map.of("method", "POSTAL", "address", Map.of("district", "闵行区")))));

        assertThat(plan.approvedAt()).isEqualTo(at(2026, 12, 2, 17, 0));
        assertThat(plan.shippedAt()).isEqualTo(at(2026, 12, 9, 10, 0));
        assertThat(plan.deliveryDue()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(statuses(plan, at(2026, 12, 3, 9, 0))).endsWith("APPROVED", "IN_PRODUCTION");
        assertThat(statuses(plan, at(2026, 12, 9, 10, 0))).endsWith("SHIPPED");
        assertThat(plan.parcelBy(at(2026, 12, 9, 12, 0))).extracting(Progression.ParcelEvent::status)
                .containsExactly("CREATED", "PICKED_UP");
        assertThat(plan.parcelBy(at(2026, 12, 11, 10, 0))).extracting(Progression.ParcelEvent::status)
                .containsExactly("CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(plan.parcel().get(3).location()).isEqualTo("上海市闵行区揽投部");
        assertThat(plan.current(at(2026, 12, 11, 10, 0)).status()).isEqualTo("DELIVERED");
    }

    @Test
    void shouldHaveAPermitForPickUpReadyAWeekAfterApprovalThenPickedUp() {
        Progression.Plan plan = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.NORMAL,
                Map.of("delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310112-01"))));

        assertThat(plan.shippedAt()).isNull();
        assertThat(plan.parcel()).isEmpty();
        assertThat(plan.current(at(2026, 12, 9, 10, 0)).status()).isEqualTo("READY_FOR_PICKUP");
        assertThat(plan.current(at(2026, 12, 12, 10, 0)).status()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldLoseOrReturnTheParcelWhenPlanned() {
        Map<String, Object> postal = Map.of("delivery", Map.of("method", "POSTAL"));
        Progression.Plan lost = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.PARCEL_EXCEPTION, postal));
        Progression.Plan returned = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.PARCEL_RETURNED, postal));
        Instant later = at(2027, 1, 1, 0, 0);

        assertThat(lost.parcelBy(later).get(lost.parcelBy(later).size() - 1).status()).isEqualTo("EXCEPTION");
        assertThat(returned.parcelBy(later).get(returned.parcelBy(later).size() - 1).status()).isEqualTo("RETURNED");
        assertThat(lost.deliveryDue()).isNull();
        assertThat(lost.current(later).status()).as("the application waits at SHIPPED").isEqualTo("SHIPPED");
        assertThat(lost.approvedAt()).as("the permit itself was approved").isNotNull();
    }

    @Test
    void shouldDecideOnlineBusinessWithinTheHour() {
        for (String kind : List.of("PERMIT_LOSS_REPORT", "PERMIT_LOSS_CANCEL", "PERMIT_PHOTO_CHANGE")) {
            Progression.Plan plan = Progression.plan(submission(kind, FRIDAY_MORNING, Outcome.NORMAL, Map.of()));
            assertThat(plan.approvedAt()).isEqualTo(FRIDAY_MORNING.plus(Duration.ofMinutes(30)));
            assertThat(plan.current(FRIDAY_MORNING.plus(Duration.ofHours(1))).status()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void shouldRefuseAPermitAndOnlineBusinessWhenPlannedAndNoteAnAddressChangeAsSuch() {
        Instant later = at(2027, 1, 1, 0, 0);
        Progression.Plan permit = Progression.plan(submission("RESIDENCE_PERMIT_NEW", FRIDAY_MORNING, Outcome.REJECTED,
                Map.of()));
        Progression.Plan loss = Progression.plan(submission("PERMIT_LOSS_REPORT", FRIDAY_MORNING, Outcome.REJECTED,
                Map.of()));
        Progression.Plan move = Progression.plan(submission("REGISTRATION_ADDRESS_CHANGE", FRIDAY_MORNING,
                Outcome.NORMAL, Map.of()));

        assertThat(permit.current(later).status()).isEqualTo("REJECTED");
        assertThat(permit.approvedAt()).isNull();
        assertThat(loss.current(later).status()).isEqualTo("REJECTED");
        assertThat(loss.approvedAt()).isNull();
        assertThat(move.reached(later)).filteredOn(step -> step.status().equals("APPROVED")).singleElement()
                .satisfies(step -> assertThat(step.note()).startsWith("居住登记地址已变更"));
        assertThat(Progression.plan(submission("RESIDENCE_REGISTRATION", FRIDAY_MORNING, Outcome.NORMAL, Map.of()))
                .reached(later)).filteredOn(step -> step.status().equals("APPROVED")).singleElement()
                .satisfies(step -> assertThat(step.note()).startsWith("审核通过，电子《居住登记凭证》已制发"));
    }

    @Test
    void shouldCountWorkingDaysMondayToFriday() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 30), 5)).isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
