package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Application.Status;
import cn.shanghai.residence.gateway.postal.Shipment;

import static org.assertj.core.api.Assertions.assertThat;

/** What a poll tells subscribers and when it polls again: pure rules, no HTTP. */
class LiveRulesTests {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final LiveProperties SETTINGS = new LiveProperties(null, null, null, null, null, null, null, null,
            null, null, null, null);

    @Test
    void shouldTellNothingOnTheFirstPoll() {
        assertThat(LiveRules.changes(null, watched(application(Status.SUBMITTED)), T0)).isEmpty();
    }

    @Test
    void shouldTellNothingWhenNothingChanged() {
        Watched same = watched(application(Status.UNDER_REVIEW));
        assertThat(LiveRules.changes(same, watched(application(Status.UNDER_REVIEW)), T0)).isEmpty();
    }

    @Test
    void shouldTellNewStepsOldestFirstThenTheStatusChange() {
        List<LiveUpdate> changes = LiveRules.changes(watched(application(Status.UNDER_REVIEW)),
                watched(application(Status.COMPLETED)), T0);

        assertThat(changes).extracting(c -> c.kind() + " " + (c.timelineEvent() == null ? c.application().status()
                        : c.timelineEvent().status()))
                .containsExactly("TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
    }

    @Test
    void shouldTellReadinessForPickUpAsItsOwnKind() {
        List<LiveUpdate> changes = LiveRules.changes(watched(application(Status.IN_PRODUCTION)),
                watched(application(Status.READY_FOR_PICKUP)), T0);

        assertThat(changes).extracting(LiveUpdate::kind).endsWith(LiveUpdate.Kind.READY_FOR_PICKUP)
                .doesNotContain(LiveUpdate.Kind.STATUS_CHANGED);
    }

    @Test
    void shouldNotTakeARestatedTimeForANewStep() {
        Application before = application(Status.UNDER_REVIEW);
        Application restated = new Application(before.applicationId(), before.personId(), before.kind(),
                before.status(), before.submittedAt(), before.updatedAt(), before.delivery(), null,
                before.events().stream().map(e -> new Application.Event(e.at().plusSeconds(1), e.status(), e.note()))
                        .toList());

        assertThat(LiveRules.changes(watched(before), watched(restated), T0)).isEmpty();
    }

    @Test
    void shouldTellEachNewParcelScan() {
        Application shipped = application(Status.SHIPPED);
        Shipment one = shipment(1);
        Shipment three = shipment(3);

        List<LiveUpdate> changes = LiveRules.changes(new Watched(List.of(new Watched.Tracked(shipped, one)), List.of()),
                new Watched(List.of(new Watched.Tracked(shipped, three)), List.of()), T0);

        assertThat(changes).extracting(c -> c.parcelEvent().description()).containsExactly("scan 2", "scan 3");
    }

    @Test
    void shouldNotTellTheScansOfAParcelSeenForTheFirstTime() {
        Application shipped = application(Status.SHIPPED);

        List<LiveUpdate> changes = LiveRules.changes(new Watched(List.of(new Watched.Tracked(shipped, null)), List.of()),
                new Watched(List.of(new Watched.Tracked(shipped, shipment(3))), List.of()), T0);

        assertThat(changes).as("EMS answering again is not three new scans").isEmpty();
    }

    @Test
    void shouldTellAReminderThatFellDueOnce() {
        Reminder due = new Reminder(Reminder.Kind.PERMIT_ELIGIBLE, T0.toLocalDate(),
                Text.of("reminder.PERMIT_ELIGIBLE", T0.toLocalDate()));
        Watched without = new Watched(List.of(), List.of());
        Watched with = new Watched(List.of(), List.of(due));

        assertThat(LiveRules.changes(without, with, T0)).extracting(LiveUpdate::reminder).containsExactly(due);
        assertThat(LiveRules.changes(with, with, T0)).isEmpty();
    }

    @Test
    void shouldPollByTheFastestOpenStatusAndStopAtATerminalOne() {
        assertThat(LiveRules.interval(watched(application(Status.UNDER_REVIEW)), false, SETTINGS))
                .contains(Duration.ofMinutes(10));
        assertThat(LiveRules.interval(watched(application(Status.SHIPPED), application(Status.UNDER_REVIEW)), true,
                SETTINGS)).contains(Duration.ofMinutes(1));
        assertThat(LiveRules.interval(watched(application(Status.COMPLETED)), false, SETTINGS)).isEmpty();
        assertThat(LiveRules.interval(watched(application(Status.COMPLETED)), true, SETTINGS))
                .as("a person is still watched for reminders").contains(Duration.ofHours(1));
    }

    @Test
    void shouldDoubleTheWaitPerFailureUpToTheMaximum() {
        assertThat(LiveRules.backoff(Duration.ofMinutes(1), 0, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
        assertThat(LiveRules.backoff(Duration.ofMinutes(1), 3, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(8));
        assertThat(LiveRules.backoff(Duration.ofMinutes(1), 20, Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldLeaseUntilTheLatestTheNextPollCanComePlusTheGrace() {
        assertThat(LiveRules.lease(Duration.ofMinutes(10), 0, SETTINGS)).as("10 min, jitter up 10 %, grace 1 min")
                .isEqualTo(Duration.ofMinutes(12));
        assertThat(LiveRules.lease(Duration.ofMinutes(10), 1, SETTINGS)).as("backed off once")
                .isEqualTo(Duration.ofMinutes(23));
        assertThat(LiveRules.lease(Duration.ofMinutes(10), 5, SETTINGS)).as("backed off to the maximum, 30 min")
                .isEqualTo(Duration.ofMinutes(34));
    }

    @Test
    void shouldJitterWithinTheFraction() {
        assertThat(LiveRules.jittered(Duration.ofMinutes(10), 0.1, 0.0)).isEqualTo(Duration.ofMinutes(9));
        assertThat(LiveRules.jittered(Duration.ofMinutes(10), 0.1, 0.5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(LiveRules.jittered(Duration.ofMinutes(10), 0.1, 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(11));
    }

    private static Watched watched(Application... applications) {
        return new Watched(List.of(applications).stream().map(a -> new Watched.Tracked(a, null)).toList(), List.of());
    }

    /** A permit application that went through every status up to {@code status}, an hour apart. */
    private static Application application(Status status) {
        List<Status> path = status == Status.READY_FOR_PICKUP
                ? List.of(Status.SUBMITTED, Status.UNDER_REVIEW, Status.APPROVED, Status.IN_PRODUCTION,
                        Status.READY_FOR_PICKUP)
                : List.of(Status.SUBMITTED, Status.UNDER_REVIEW, Status.APPROVED, Status.IN_PRODUCTION,
                        Status.SHIPPED, Status.COMPLETED);
        List<Application.Event> events = new ArrayList<>();
        for (Status step : path) {
            if (step == Status.COMPLETED && status != Status.COMPLETED) {
                break;
            }
            events.add(new Application.Event(T0.plusHours(events.size()), step, null));
            if (step == status) {
                break;
            }
        }
        if (status == Status.COMPLETED) {
            events.removeIf(e -> e.status() == Status.IN_PRODUCTION || e.status() == Status.SHIPPED);
        }
        return new Application("APL-1", "ywtb-1", Application.Kind.RESIDENCE_PERMIT_NEW, status, T0,
                T0.plusHours(events.size()), null, null, events);
    }

    private static Shipment shipment(int scans) {
        List<Shipment.Event> events = new ArrayList<>();
        for (int scan = 1; scan <= scans; scan++) {
            events.add(new Shipment.Event(T0.plusHours(scan), "上海", "scan " + scan));
        }
        return new Shipment("1187654321095", Shipment.Status.IN_TRANSIT, 1500, null, events);
    }
}
