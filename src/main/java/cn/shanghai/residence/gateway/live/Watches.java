package cn.shanghai.residence.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.MetricNames;
import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.gateway.reference.ServiceClockMoved;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/**
 * The registry of watched things, keyed by subject: however many screens watch one application, it has one
 * {@link Watch} and so one poller. A thing nobody watches any more is kept a while (its last answer and events), so
 * a screen that reconnects misses nothing; then it is forgotten. Counts subscriptions per person and per instance,
 * and on shutdown completes every stream before the web server drains.
 */
@Component
class Watches implements SmartLifecycle {

    /** Events on their way to one subscriber's thread, on top of its send buffer: small, so a slow one is cut off. */
    private static final int DELIVERY_PREFETCH = 16;
    /** How long shutdown waits for this replica's leases to be given up; past it they lapse by themselves. */
    private static final Duration LEASES_RELEASED = Duration.ofSeconds(2);

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perPerson = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    /** Someone waiting for a state of the registry (tests, operators); told once, from whichever thread changed it. */
    private record Waiter(BooleanSupplier reached, Sinks.One<Void> told) {
    }
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids;
    private final LiveProperties settings;
    private final LiveTime time;
    private final Clock clock;
    private final WatchSharing sharing;
    private volatile boolean running;
    private volatile @Nullable Disposable publishedElsewhere;

    Watches(LiveProperties settings, LiveTime time, ServiceClock serviceClock, Clock clock, WatchSharing sharing,
            MeterRegistry meters) {
        Gauge.builder(MetricNames.LIVE_SUBSCRIPTIONS, open, AtomicInteger::get)
                .description("Live subscriptions open on this instance").register(meters);
        this.settings = settings;
        this.sharing = sharing;
        this.time = time;
        this.clock = serviceClock.clock();
        // Ids keep increasing across restarts (a stale id then answers RESYNC, never someone else's events).
        this.ids = new AtomicLong(clock.millis() * 1000);
    }

    /**
     * The person's stream of one subject's events, after {@code after} when resuming; within the limits. Events
     * reach the subscriber on a thread of their own, never inside the watch that published them, so whatever the
     * subscriber does next (render, cancel, leave) cannot wait on that watch's lock. With replicas, the watch first
     * catches up with what the polling replica published, so a resume finds the events another replica told.
     */
    Flux<LiveUpdate> updates(String personId, Subject subject, @Nullable Long after) {
        return Flux.defer(() -> {
            admit(personId);
            AtomicBoolean subscribed = new AtomicBoolean();
            return watch(subject).catchUp()
                    .thenMany(Flux.defer(() -> {
                        subscribed.set(true);
                        return joined(subject, after);
                    }))
                    .doFinally(signal -> {
                        release(personId);
                        if (!subscribed.get()) { // gone while catching up: the watch it made is forgotten in time
                            forgetLater(subject.key());
                        }
                    });
        });
    }

    private Watch watch(Subject subject) {
        return watches.computeIfAbsent(subject.key(), key -> new Watch(subject, settings, time.scheduler(), clock, ids,
                sharing, this::changed));
    }

    private Flux<LiveUpdate> joined(Subject subject, @Nullable Long after) {
        Watch watch;
        Sinks.Many<LiveUpdate> sink;
        do {
            watch = watch(subject);
            sink = watch.join(after);
            if (sink == null) {
                watches.remove(subject.key(), watch);
            }
        } while (sink == null);
        changed(); // the watch is in the map only now, for whoever waits on it
        Watch joined = watch;
        Sinks.Many<LiveUpdate> joinedSink = sink;
        return sink.asFlux().publishOn(Schedulers.parallel(), DELIVERY_PREFETCH).doFinally(signal -> {
            if (joined.leave(joinedSink)) {
                forgetLater(subject.key());
            }
        });
    }

    private void forgetLater(String key) {
        time.scheduler().schedule(() -> forgetIfUnwatched(key), settings.keepAfterLastSubscriber().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void admit(String personId) {
        if (!running) {
            throw new GatewayException(ErrorCode.OVERLOADED, Text.of("error.OVERLOADED.stopping"));
        }
        if (open.incrementAndGet() > settings.maxPerInstance()) {
            open.decrementAndGet();
            throw new GatewayException(ErrorCode.RATE_LIMITED,
                    Text.of("error.RATE_LIMITED.streams"));
        }
        if (perPerson.computeIfAbsent(personId, key -> new AtomicInteger()).incrementAndGet()
                > settings.maxPerPerson()) {
            release(personId);
            throw new GatewayException(ErrorCode.RATE_LIMITED,
                    Text.of("error.RATE_LIMITED.streamsPerPerson", settings.maxPerPerson()));
        }
    }

    private void release(String personId) {
        open.decrementAndGet();
        perPerson.computeIfPresent(personId, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        changed();
    }

    /** Never blocks nor throws: it runs on event-loop threads, inside joins and leaves. */
    private void changed() {
        for (Waiter waiter : waiters) {
            if (waiter.reached().getAsBoolean() && waiters.remove(waiter)) {
                waiter.told().tryEmitEmpty();
            }
        }
    }

    private Mono<Void> until(BooleanSupplier reached) {
        return Mono.defer(() -> {
            Waiter waiter = new Waiter(reached, Sinks.one());
            waiters.add(waiter);
            changed();
            return waiter.told().asMono().doFinally(signal -> waiters.remove(waiter));
        });
    }

    private void forgetIfUnwatched(String key) {
        watches.computeIfPresent(key, (k, watch) -> watch.retireIfUnwatched() ? null : watch);
    }

    /** The sandbox clock jumped: every watched thing is polled now, not at its next interval. */
    @EventListener(ServiceClockMoved.class)
    void clockMoved() {
        watches.values().forEach(Watch::wake);
    }

    /** Forgets at once every thing nobody watches (their last answers and events), e.g. when the sandbox is reset. */
    void forgetUnwatched() {
        watches.keySet().forEach(this::forgetIfUnwatched);
    }

    /** Completes once the subject's first poll answered and exactly {@code subscribers} watch it: for tests. */
    Mono<Void> watchedBy(String subjectKey, int subscribers) {
        return until(() -> {
            Watch watch = watches.get(subjectKey);
            return watch != null && watch.watchers() == subscribers;
        });
    }

    /** Completes once no subscription is open on this instance: for tests. */
    Mono<Void> quiet() {
        return until(() -> open.get() == 0);
    }

    /** Subscriptions open on this instance. */
    int open() {
        return open.get();
    }

    @Override
    public void start() {
        running = true;
        // Another replica polled a thing watched here too: its subscribers here hear of it.
        publishedElsewhere = sharing.published().subscribe(key -> {
            Watch watch = watches.get(key);
            if (watch != null) {
                watch.catchUp().subscribe();
            }
        });
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops first), so streams end cleanly. */
    @Override
    public void stop() {
        running = false;
        Disposable listening = publishedElsewhere;
        if (listening != null) {
            listening.dispose();
        }
        List<Mono<Void>> released = watches.values().stream().map(Watch::close).toList();
        watches.clear();
        // The leases given up before the connection to the store closes, so another replica polls at once.
        Mono.when(released).timeout(LEASES_RELEASED).onErrorResume(error -> Mono.empty()).block();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
