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
 * with) and its recent events (what a reconnecting subscriber missed). Subscribers get their own bounded queue, so
 * one slow screen is cut off without holding back the others or growing without end.
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

    /** @param changed told whenever the number of watchers changes, or the first poll answered */
    Watch(Subject subject, LiveProperties settings, Scheduler scheduler, Clock clock, AtomicLong ids,
            Runnable changed) {
        this.changed = changed;
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
            stopPolling();
        }
        signalWatching();
        return subscribers.isEmpty();
    }

    /** When nobody watches, no later {@link #join} is accepted: true, and the registry drops this watch. */
    synchronized boolean retireIfUnwatched() {
        retired = subscribers.isEmpty();
        return retired;
    }

    /** Ends every stream (shutdown): each subscriber gets its completion. */
    synchronized void close() {
        finished = true;
        stopPolling();
        List.copyOf(subscribers).forEach(Sinks.Many::tryEmitComplete);
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

    private void stopPolling() {
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
    }

    private synchronized void pollNow() {
        if (polling && !pollInFlight) {
            pollInFlight = true;
            Disposable call = poll().subscribe();
            inFlight = pollInFlight ? call : null; // a poll answered from cache has already finished
        }
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
                .onErrorResume(error -> Mono.fromRunnable(() -> failed(error)))
                .then()
                .contextWrite(memo::addTo)
                .contextWrite(context -> context.put(RequestTrace.class, RequestTrace.from(null, null)));
    }

    private synchronized boolean answered(Watched watched, Set<Upstream> failedNow) {
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
        last = watched;
        degraded = failedNow.isEmpty() ? EnumSet.noneOf(Upstream.class) : EnumSet.copyOf(failedNow);
        failures = failedNow.isEmpty() ? 0 : failures + 1;
        pollInFlight = false;
        inFlight = null;
        Optional<Duration> interval = LiveRules.interval(watched, subject.person(), settings);
        interval.ifPresent(every -> scheduleNext(wait(every)));
        publish(events);
        if (interval.isEmpty()) {
            finish();
        }
        if (baseline) {
            signalWatching();
        }
        return true;
    }

    private synchronized void failed(Throwable error) {
        Upstream upstream = error instanceof UpstreamFailure failure ? failure.upstream() : Upstream.POLICE;
        if (!(error instanceof UpstreamFailure)) {
            log.warn("Live poll failed unexpectedly: subject={} cause={}", subject.person() ? "person" : "application",
                    error.getClass().getSimpleName());
        }
        failures++;
        pollInFlight = false;
        inFlight = null;
        Duration interval = Optional.ofNullable(last)
                .flatMap(watched -> LiveRules.interval(watched, subject.person(), settings))
                .orElse(settings.intervals().unknown());
        scheduleNext(wait(interval));
        if (!degraded.contains(upstream)) {
            degraded = union(degraded, Set.of(upstream));
            publish(List.of(LiveUpdate.upstream(now(), LiveUpdate.Kind.DEGRADED, upstream.id())));
        }
    }

    private Duration wait(Duration interval) {
        return LiveRules.jittered(LiveRules.backoff(interval, failures, settings.maxBackoff()), settings.jitter(),
                ThreadLocalRandom.current().nextDouble());
    }

    private void publish(List<LiveUpdate> events) {
        for (LiveUpdate event : events) {
            LiveUpdate numbered = event.numbered(ids.incrementAndGet());
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
        stopPolling();
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
