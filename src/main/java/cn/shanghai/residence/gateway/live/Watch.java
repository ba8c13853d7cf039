package cn.shanghai.residence.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailure;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;
import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * One watched thing: the one poller all its subscribers share, its last answer (what the next poll is compared
 * with) and its recent events (what a reconnecting subscriber missed). With replicas ({@link WatchSharing}) it polls
 * only while this replica holds the thing's lease, and otherwise tells what the polling replica published.
 * Subscribers get their own bounded queue, so one slow screen is cut off without holding back the others or growing
 * without end.
 */
final class Watch {

    private static final Logger log = LoggerFactory.getLogger(Watch.class);

    private final Subject subject;
    private final LiveProperties settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final AtomicLong ids;

    private @Nullable Watched last;
    private final ArrayDeque<LiveUpdate> recent = new ArrayDeque<>();
    private long lastId;
    private final List<Sinks.Many<LiveUpdate>> subscribers = new ArrayList<>();
    private boolean polling;
    private boolean pollInFlight;
    private @Nullable Disposable inFlight;
    private @Nullable Disposable next;
    private boolean finished;
    private boolean retired;
    private Set<Upstream> degraded = EnumSet.noneOf(Upstream.class);
    private int failures;
    private volatile int watchers = -1;
    private final Runnable changed;
    private final WatchSharing sharing;
    /** This replica polls the thing for every replica (always, alone); else it reads what the poller published. */
    private boolean holding;

    /** @param changed told whenever the number of watchers changes, or the first poll answered */
    Watch(Subject subject, LiveProperties settings, Scheduler scheduler, Clock clock, AtomicLong ids,
            WatchSharing sharing, Runnable changed) {
        this.changed = changed;
        this.sharing = sharing;
        this.subject = subject;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Adds a subscriber: first what it missed after {@code after} (or a RESYNC when that is no longer kept), then
     * every new event. Starts the poller if it is the first. Null once the registry has forgotten this watch: the
     * caller then joins the one that replaced it.
     */
    synchronized Sinks.@Nullable Many<LiveUpdate> join(@Nullable Long after) {
        if (retired) {
            return null;
        }
        // Exactly send-buffer events; past them offer() fails and the subscriber is cut off.
        Sinks.Many<LiveUpdate> sink = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<LiveUpdate>(settings.sendBuffer()));
        if (after != null) {
            List<LiveUpdate> missed = missed(after);
            // More than the subscriber's queue holds (a resume buffer set larger than the send buffer): re-query.
            (missed.size() > settings.sendBuffer() ? resync() : missed).forEach(sink::tryEmitNext);
        }
        if (finished) {
            sink.tryEmitComplete();
            return sink;
        }
        subscribers.add(sink);
        if (!polling) {
            polling = true;
            pollNow();
        }
        signalWatching();
        return sink;
    }

    /** A subscriber left; the last one stops the poller. True when nobody watches any more. */
    synchronized boolean leave(Sinks.Many<LiveUpdate> sink) {
        subscribers.remove(sink);
        if (subscribers.isEmpty()) {
            stopPolling().subscribe();
        }
        signalWatching();
        return subscribers.isEmpty();
    }

    /** When nobody watches, no later {@link #join} is accepted: true, and the registry drops this watch. */
    synchronized boolean retireIfUnwatched() {
        retired = subscribers.isEmpty();
        return retired;
    }

    /** Ends every stream (shutdown): each subscriber gets its completion; completes once the lease is given up. */
    synchronized Mono<Void> close() {
        finished = true;
        Mono<Void> released = stopPolling();
        List.copyOf(subscribers).forEach(Sinks.Many::tryEmitComplete);
        return released;
    }

    /** Polls now rather than at the next interval (the sandbox clock jumped), unless a poll is under way. */
    synchronized void wake() {
        if (polling && !pollInFlight) {
            if (next != null) {
                next.dispose();
                next = null;
            }
            pollNow();
        }
    }

    /** Stops this replica's poller; the returned release of the lease (if held) runs when subscribed. */
    private Mono<Void> stopPolling() {
        Mono<Void> released = holding ? sharing.release(subject) : Mono.empty();
        holding = false;
        polling = false;
        pollInFlight = false;
        if (inFlight != null) {
            inFlight.dispose();
            inFlight = null;
        }
        if (next != null) {
            next.dispose();
            next = null;
        }
        return released;
    }

    /** Polls if this replica holds (or now takes) the thing's lease; else catches up with what the poller published. */
    private synchronized void pollNow() {
        if (polling && !pollInFlight) {
            pollInFlight = true;
            Disposable call = sharing.poller(subject, LiveRules.lease(interval(), failures, settings))
                    .flatMap(poller -> poller ? poll() : followed())
                    .subscribe();
            inFlight = pollInFlight ? call : null; // a poll answered from cache has already finished
        }
    }

    /** Another replica polls: read what it published, and look again (for its lease lapsing) an interval later. */
    private Mono<Void> followed() {
        return catchUp().then(Mono.fromRunnable(this::followedOnce));
    }

    private synchronized void followedOnce() {
        if (holding) {
            holding = false; // renewing failed: another replica took over
        }
        pollInFlight = false;
        inFlight = null;
        scheduleNext(wait(interval()));
    }

    /** Reads what the replica polling this thing published and tells this replica's subscribers what is new. */
    Mono<Void> catchUp() {
        return sharing.read(subject).doOnNext(this::caughtUp).then();
    }

    private synchronized void caughtUp(WatchSharing.Shared shared) {
        if (shared.state() != null && !holding) {
            boolean baseline = last == null;
            last = shared.state();
            if (baseline) {
                signalWatching();
            }
        }
        deliver(shared.recent());
        if (!holding && !finished && last != null && LiveRules.interval(last, subject.person(), settings).isEmpty()) {
            finish();
        }
    }

    /** The interval of the last answer, or the one for an unknown status before the first. */
    private Duration interval() {
        return Optional.ofNullable(last)
                .flatMap(watched -> LiveRules.interval(watched, subject.person(), settings))
                .orElse(settings.intervals().unknown());
    }

    /**
     * The next poll is scheduled before this one's events are published, so whoever reacts to an event (a test
     * moving virtual time) always finds it scheduled.
     */
    private void scheduleNext(Duration wait) {
        if (polling) {
            next = scheduler.schedule(this::pollNow, wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** How many subscribers watch, once the first poll has answered (-1 before); read without the lock. */
    int watchers() {
        return watchers;
    }

    private void signalWatching() {
        watchers = last == null ? -1 : subscribers.size();
        changed.run();
    }

    private List<LiveUpdate> missed(long after) {
        if (after == lastId && lastId != 0) {
            return List.of();
        }
        if (recent.stream().anyMatch(update -> update.number() == after)) {
            return recent.stream().filter(update -> update.number() > after).toList();
        }
        return resync();
    }

    /** Re-query, then resume after this event's id (the newest so far). */
    private List<LiveUpdate> resync() {
        long resumeFrom = lastId != 0 ? lastId : ids.get();
        return List.of(LiveUpdate.upstream(now(), LiveUpdate.Kind.RESYNC, null).numbered(resumeFrom));
    }

    /** One poll, in a context of its own (memo, trace), never in a subscriber's; the wait until the next or none. */
    private Mono<Void> poll() {
        Watched previous;
        synchronized (this) {
            previous = last;
        }
        RequestMemo memo = new RequestMemo();
        return subject.read(previous)
                .map(polled -> answered(polled.watched(), union(polled.failed(), memo.freshness().stale())))
                .onErrorResume(error -> Mono.fromSupplier(() -> failed(error)))
                .flatMap(this::shared)
                .contextWrite(memo::addTo)
                .contextWrite(context -> context.put(RequestTrace.class, RequestTrace.neutral()));
    }

    /** What one poll found: events to number and tell, the answer to share, and whether the stream ends with them. */
    private record Outcome(List<LiveUpdate> events, @Nullable Watched state, boolean finishing, boolean baseline) {
    }

    /**
     * Numbers the events where every replica reads them (or here, alone or when the store does not answer), then
     * tells this replica's subscribers.
     */
    private Mono<Void> shared(Outcome outcome) {
        Mono<List<LiveUpdate>> numbered = outcome.state() == null ? Mono.empty()
                : sharing.publish(subject, outcome.events(), outcome.state());
        return numbered.switchIfEmpty(Mono.fromSupplier(() -> numberedHere(outcome.events())))
                .doOnNext(events -> delivered(events, outcome))
                .then();
    }

    /** Numbered by this replica: after every id told so far, the stream's too (so none is taken for a repeat). */
    private synchronized List<LiveUpdate> numberedHere(List<LiveUpdate> events) {
        return events.stream().map(event -> event.numbered(ids.accumulateAndGet(lastId,
                (current, told) -> Math.max(current, told) + 1))).toList();
    }

    private synchronized void delivered(List<LiveUpdate> events, Outcome outcome) {
        deliver(events);
        if (outcome.finishing()) {
            finish();
        }
        if (outcome.baseline()) {
            signalWatching();
        }
    }

    private synchronized Outcome answered(Watched watched, Set<Upstream> failedNow) {
        List<LiveUpdate> events = new ArrayList<>();
        for (Upstream upstream : degraded) {
            if (!failedNow.contains(upstream)) {
                events.add(LiveUpdate.upstream(now(), LiveUpdate.Kind.RECOVERED, upstream.id()));
            }
        }
        events.addAll(LiveRules.changes(last, watched, now()));
        for (Upstream upstream : failedNow) {
            if (!degraded.contains(upstream)) {
                events.add(LiveUpdate.upstream(now(), LiveUpdate.Kind.DEGRADED, upstream.id()));
            }
        }
        boolean baseline = last == null;
        holding = true;
        last = watched;
        degraded = failedNow.isEmpty() ? EnumSet.noneOf(Upstream.class) : EnumSet.copyOf(failedNow);
        failures = failedNow.isEmpty() ? 0 : failures + 1;
        pollInFlight = false;
        inFlight = null;
        Optional<Duration> interval = LiveRules.interval(watched, subject.person(), settings);
        interval.ifPresent(every -> scheduleNext(wait(every)));
        return new Outcome(events, watched, interval.isEmpty(), baseline);
    }

    private synchronized Outcome failed(Throwable error) {
        Upstream upstream = error instanceof UpstreamFailure failure ? failure.upstream() : Upstream.POLICE;
        if (!(error instanceof UpstreamFailure)) {
            log.warn("Live poll failed unexpectedly: subject={} cause={}", subject.person() ? "person" : "application",
                    error.getClass().getSimpleName());
        }
        failures++;
        holding = true;
        pollInFlight = false;
        inFlight = null;
        scheduleNext(wait(interval()));
        if (degraded.contains(upstream)) {
            return new Outcome(List.of(), last, false, false);
        }
        degraded = union(degraded, Set.of(upstream));
        return new Outcome(List.of(LiveUpdate.upstream(now(), LiveUpdate.Kind.DEGRADED, upstream.id())), last, false,
                false);
    }

    private Duration wait(Duration interval) {
        return LiveRules.jittered(LiveRules.backoff(interval, failures, settings.maxBackoff()), settings.jitter(),
                ThreadLocalRandom.current().nextDouble());
    }

    /** Tells this replica's subscribers the events newer than the last told (a replica reads some twice). */
    private void deliver(List<LiveUpdate> events) {
        for (LiveUpdate numbered : events) {
            if (numbered.number() <= lastId) {
                continue;
            }
            recent.addLast(numbered);
            while (recent.size() > settings.resumeBuffer()) {
                recent.removeFirst();
            }
            lastId = numbered.number();
            for (Sinks.Many<LiveUpdate> sink : List.copyOf(subscribers)) {
                if (sink.tryEmitNext(numbered).isFailure()) {
                    subscribers.remove(sink);
                    sink.tryEmitError(new GatewayException(ErrorCode.RATE_LIMITED,
                            Text.of("error.RATE_LIMITED.slowConsumer", settings.sendBuffer())));
                }
            }
        }
    }

    private void finish() {
        finished = true;
        stopPolling().subscribe();
        List.copyOf(subscribers).forEach(Sinks.Many::tryEmitComplete);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Set<Upstream> union(Set<Upstream> a, Set<Upstream> b) {
        Set<Upstream> all = EnumSet.noneOf(Upstream.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
