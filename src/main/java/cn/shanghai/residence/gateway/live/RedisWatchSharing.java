package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import cn.shanghai.residence.gateway.store.Leases;
import cn.shanghai.residence.gateway.store.StoreKeys;

/**
 * {@link WatchSharing} through Redis ({@code gateway.store=redis}): a lease per watched thing decides which replica
 * polls it; that replica appends the poll's events to the thing's stream (as long as the resume buffer) and writes
 * its answer, in one script, then tells every replica on one pub/sub channel; the others read the stream. Event ids
 * are the stream's, so a client resumes on any replica. When Redis does not answer, each replica polls by itself
 * ({@code gateway.live.sharing-fallbacks} counts it) until it answers again; no restart needed.
 */
final class RedisWatchSharing implements WatchSharing {

    private static final Logger log = LoggerFactory.getLogger(RedisWatchSharing.class);

    /** KEYS: stream, answer. ARGV: max length, keep (ms), channel, subject key, answer, events... */
    private static final RedisScript<String> PUBLISH = RedisScript.of("""
            local ids = {}
            for i = 6, #ARGV do
              ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'u', ARGV[i])
            end
            redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[2])
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return table.concat(ids, ',')""", String.class);

    private final ReactiveStringRedisTemplate redis;
    private final StoreKeys keys;
    private final Leases leases;
    private final LiveProperties settings;
    private final String channel;
    private final Counter fallbacks;

    RedisWatchSharing(ReactiveStringRedisTemplate redis, StoreKeys keys, Leases leases, LiveProperties settings,
            MeterRegistry meters) {
        this.redis = redis;
        this.keys = keys;
        this.leases = leases;
        this.settings = settings;
        this.channel = keys.channel("live-published");
        this.fallbacks = Counter.builder("gateway.live.sharing-fallbacks")
                .description("polls and reads of watched things done by this replica alone because Redis did "
                        + "not answer")
                .register(meters);
    }

    @Override
    public Mono<Boolean> poller(Subject subject, Duration lease) {
        return leases.hold("live:" + subject.key(), lease)
                .onErrorResume(error -> alone("poll", error, true));
    }

    @Override
    public Mono<Void> release(Subject subject) {
        return leases.release("live:" + subject.key())
                .onErrorResume(error -> alone("release (the lease lapses by itself)", error, null));
    }

    @Override
    public Mono<List<LiveUpdate>> publish(Subject subject, List<LiveUpdate> events, Watched state) {
        List<String> args = new ArrayList<>(List.of(Long.toString(settings.resumeBuffer()),
                Long.toString(keep().toMillis()), channel, subject.key(), SharedForms.write(state)));
        events.forEach(event -> args.add(SharedForms.write(event)));
        return redis.execute(PUBLISH, List.of(stream(subject), answer(subject)), args)
                .next()
                .map(ids -> numbered(events, ids.isEmpty() ? List.of() : List.of(ids.split(","))))
                .onErrorResume(error -> alone("publish", error, null));
    }

    @Override
    public Mono<Shared> read(Subject subject) {
        Mono<List<LiveUpdate>> recent = redis.opsForStream().range(stream(subject), Range.unbounded())
                .map(RedisWatchSharing::update)
                .collectList();
        return redis.opsForValue().get(answer(subject))
                .map(json -> SharedForms.read(json, Watched.class))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .zipWith(recent, (state, updates) -> new Shared(state.orElse(null), updates))
                .onErrorResume(error -> alone("read", error, null));
    }

    @Override
    public Flux<String> published() {
        return redis.listenToChannel(channel)
                .map(message -> message.getMessage())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)));
    }

    private Duration keep() {
        return settings.keepAfterLastSubscriber().plus(settings.leaseGrace());
    }

    private String stream(Subject subject) {
        return keys.key("live-events", subject.key());
    }

    private String answer(Subject subject) {
        return keys.key("live-answer", subject.key());
    }

    private static List<LiveUpdate> numbered(List<LiveUpdate> events, List<String> entryIds) {
        if (entryIds.size() != events.size()) {
            throw new IllegalStateException("stream answered " + entryIds.size() + " ids for " + events.size());
        }
        List<LiveUpdate> numbered = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            numbered.add(events.get(i).numbered(SharedForms.eventId(entryIds.get(i))));
        }
        return numbered;
    }

    private static LiveUpdate update(MapRecord<String, Object, Object> entry) {
        return SharedForms.read(String.valueOf(entry.getValue().get("u")), LiveUpdate.class)
                .numbered(SharedForms.eventId(entry.getId().getValue()));
    }

    private <T> Mono<T> alone(String what, Throwable error, T fallback) {
        log.debug("Live {} done by this replica alone: Redis did not answer ({})", what,
                error.getClass().getSimpleName());
        fallbacks.increment();
        return Mono.justOrEmpty(fallback);
    }
}
