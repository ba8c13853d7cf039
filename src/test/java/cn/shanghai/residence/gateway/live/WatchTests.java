package cn.shanghai.residence.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Application.Status;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailure;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

import static org.assertj.core.api.Assertions.assertThat;

/** One watched thing on virtual time, over a subject that answers what the test says: no HTTP, no sleeps. */
class WatchTests {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.UNDER_REVIEW);
    private final AtomicReference<@Nullable UpstreamFailure> failing = new AtomicReference<>();

    private final Subject subject = new Subject() {
        @Override
        public String key() {
            return "application:APL-1";
        }

        @Override
        public boolean person() {
            return false;
        }

        @Override
        public Mono<Polled> read(@Nullable Watched previous) {
            reads.incrementAndGet();
            UpstreamFailure failure = failing.get();
            return failure != null ? Mono.error(failure) : Mono.just(new Polled(new Watched(List.of(
                    new Watched.Tracked(application(status.get()), null)), List.of()), java.util.Set.of()));
        }
    };

    private Watch watch(LiveProperties settings) {
        return new Watch(subject, settings, time, Clock.systemUTC(), new AtomicLong(), new LocalWatchSharing(),
                () -> { });
    }

    private static LiveProperties settings(Integer sendBuffer) {
        return new LiveProperties(null, null, 0.0, null, null, null, null, sendBuffer, null, null, null, null);
    }

    @Test
    void shouldPollOncePerIntervalWhateverTheSubscribersAndStopWhenTheLastLeaves() {
        Watch watch = watch(settings(null));
        List<Sinks.Many<LiveUpdate>> subscribers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subscribers.add(watch.join(null));
        }
        assertThat(reads).as("the baseline, once").hasValue(1);

        time.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(reads).hasValue(2);

        subscribers.forEach(watch::leave);
        time.advanceTimeBy(Duration.ofHours(1));
        assertThat(reads).as("nobody watches: no more polls").hasValue(2);
    }

    @Test
    void shouldTellDegradedOnceThenBackOffThenTellRecovered() {
        Watch watch = watch(settings(null));
        Sinks.Many<LiveUpdate> subscriber = watch.join(null);
        failing.set(new UpstreamFailure(Upstream.POLICE, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                Text.of("error.UPSTREAM_UNAVAILABLE", Text.key("upstream.police"))));

        time.advanceTimeBy(Duration.ofMinutes(10));
        time.advanceTimeBy(Duration.ofMinutes(20));
        assertThat(reads).as("baseline, then failures at 10 and 30 min (the wait doubled)").hasValue(3);
        time.advanceTimeBy(Duration.ofMinutes(29));
        assertThat(reads).as("next at 60 min (doubled again, capped at max-backoff 30 min), not before").hasValue(3);
        failing.set(null);
        time.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(reads).hasValue(4);
        StepVerifier.create(subscriber.asFlux().take(2))
                .assertNext(update -> assertThat(update.kind() + " " + update.upstream()).isEqualTo("DEGRADED police"))
                .assertNext(update -> assertThat(update.kind() + " " + update.upstream())
                        .isEqualTo("RECOVERED police"))
                .verifyComplete();
    }

    @Test
    void shouldCutOffASubscriberThatFallsBehindWithoutHoldingBackTheOthers() {
        Watch watch = watch(settings(2));
        Sinks.Many<LiveUpdate> slow = watch.join(null);
        List<LiveUpdate> fast = new ArrayList<>();
        Disposable reading = watch.join(null).asFlux().subscribe(fast::add);

        for (Status next : List.of(Status.APPROVED, Status.IN_PRODUCTION, Status.SHIPPED)) {
            status.set(next);
            time.advanceTimeBy(Duration.ofMinutes(30));
        }

        assertThat(fast).extracting(LiveUpdate::kind).contains(LiveUpdate.Kind.STATUS_CHANGED).hasSizeGreaterThan(2);
        StepVerifier.create(slow.asFlux())
                .expectNextCount(2)
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).code())
                        .isEqualTo(ErrorCode.RATE_LIMITED))
                .verify(Duration.ofSeconds(5));
        reading.dispose();
    }

    @Test
    void shouldReplayWhatWasMissedOrAskForAResync() {
        Watch watch = watch(settings(null));
        List<LiveUpdate> seen = new ArrayList<>();
        watch.join(null).asFlux().subscribe(seen::add);
        status.set(Status.APPROVED);
        time.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(seen).hasSize(2);

        StepVerifier.create(watch.join(Long.parseLong(seen.get(0).id())).asFlux().take(1))
                .assertNext(update -> assertThat(update).isEqualTo(seen.get(1)))
                .verifyComplete();
        StepVerifier.create(watch.join(-1L).asFlux().take(1))
                .assertNext(update -> assertThat(update.kind()).isEqualTo(LiveUpdate.Kind.RESYNC))
                .verifyComplete();
    }

    @Test
    void shouldAskForAResyncRatherThanReplayMoreThanTheSubscriberCanHold() {
        Watch watch = watch(settings(2));
        List<LiveUpdate> seen = new ArrayList<>();
        watch.join(null).asFlux().subscribe(seen::add);
        status.set(Status.SHIPPED);
        time.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(seen).as("APPROVED, IN_PRODUCTION and SHIPPED steps, then the status").hasSize(4);

        StepVerifier.create(watch.join(Long.parseLong(seen.get(0).id())).asFlux().take(1))
                .assertNext(update -> assertThat(update.kind()).isEqualTo(LiveUpdate.Kind.RESYNC))
                .verifyComplete();
    }

    private static Application application(Status status) {
        List<Application.Event> events = new ArrayList<>();
        for (Status step : List.of(Status.SUBMITTED, Status.UNDER_REVIEW, Status.APPROVED, Status.IN_PRODUCTION,
                Status.SHIPPED)) {
            events.add(new Application.Event(T0.plusHours(events.size()), step, null));
            if (step == status) {
                break;
            }
        }
        return new Application("APL-1", "ywtb-1", Application.Kind.RESIDENCE_PERMIT_NEW, status, T0, T0, null, null,
                events);
    }
}
