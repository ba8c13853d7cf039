package cn.shanghai.residence.gateway.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import cn.shanghai.residence.gateway.observability.LogCorrelation;

/**
 * {@link IdempotencyStore} in Redis, shared by every replica. A key is claimed atomically ({@code SET NX PX}) with an
 * in-flight marker holding the input's fingerprint; the claimer submits and then overwrites the marker with the
 * outcome, kept for the configured time (24 h). A duplicate on any replica that finds the marker waits for the outcome
 * instead of submitting; one that finds the key gone (forgotten outcome, claimer died) claims it itself.
 */
final class RedisIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What Redis holds under a key: in flight (no outcome yet) or done. */
    record Entry(String fingerprint, @Nullable String outcome) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final StoreKeys keys;
    private final Duration ttl;
    private final Duration inFlightTtl;
    private final Duration poll;
    private final Clock clock;

    RedisIdempotencyStore(ReactiveStringRedisTemplate redis, StoreKeys keys, IdempotencyProperties idempotency,
            RedisStoreProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = idempotency.ttl();
        this.inFlightTtl = properties.inFlightTtl();
        this.poll = properties.duplicatePoll();
        this.clock = clock;
    }

    @Override
    public <T> Mono<T> once(String personId, String key, String fingerprint, Class<T> type, Supplier<Mono<T>> submit,
            Predicate<T> remember) {
        String redisKey = keys.key("idempotency", personId, key);
        return Mono.defer(() -> attempt(redisKey, fingerprint, type, submit, remember,
                clock.instant().plus(inFlightTtl)));
    }

    private <T> Mono<T> attempt(String redisKey, String fingerprint, Class<T> type, Supplier<Mono<T>> submit,
            Predicate<T> remember, Instant giveUpAt) {
        return redis.opsForValue().setIfAbsent(redisKey, write(new Entry(fingerprint, null)), inFlightTtl)
                .onErrorMap(RedisIdempotencyStore::unavailable)
                .flatMap(claimed -> claimed
                        ? submitOnce(redisKey, fingerprint, submit, remember)
                        : existing(redisKey, fingerprint, type, submit, remember, giveUpAt));
    }

    private <T> Mono<T> submitOnce(String redisKey, String fingerprint, Supplier<Mono<T>> submit,
            Predicate<T> remember) {
        return Mono.defer(submit)
                .flatMap(outcome -> (remember.test(outcome) ? keep(redisKey, fingerprint, outcome) : release(redisKey))
                        .thenReturn(outcome))
                .onErrorResume(error -> release(redisKey).then(Mono.error(error)));
    }

    private <T> Mono<T> existing(String redisKey, String fingerprint, Class<T> type, Supplier<Mono<T>> submit,
            Predicate<T> remember, Instant giveUpAt) {
        return redis.opsForValue().get(redisKey)
                .onErrorMap(RedisIdempotencyStore::unavailable)
                .flatMap(json -> {
                    Entry entry = JSON.readValue(json, Entry.class);
                    if (!entry.fingerprint().equals(fingerprint)) {
                        return Mono.<T>error(new KeyReused());
                    }
                    if (entry.outcome() != null) {
                        return Mono.just(JSON.readValue(entry.outcome(), type));
                    }
                    if (clock.instant().isAfter(giveUpAt)) {
                        return Mono.<T>error(new StoreUnavailableException("the first request with this key is "
                                + "still in flight"));
                    }
                    return Mono.delay(poll).then(Mono.defer(() ->
                            attempt(redisKey, fingerprint, type, submit, remember, giveUpAt)));
                })
                .switchIfEmpty(Mono.defer(() -> attempt(redisKey, fingerprint, type, submit, remember, giveUpAt)));
    }

    /**
     * Replaces the marker with the outcome. If Redis fails here the client still gets its outcome; the marker then
     * expires and a retry submits again with the same police Idempotency-Key, which police answers with the first
     * application.
     */
    private Mono<Void> keep(String redisKey, String fingerprint, Object outcome) {
        return redis.opsForValue().set(redisKey, write(new Entry(fingerprint, write(outcome))), ttl)
                .onErrorResume(error -> Mono.deferContextual(context -> {
                    LogCorrelation.within(context, () -> log.warn("Could not record an idempotency outcome in "
                            + "Redis ({}); a retry will ask police again with the same key",
                            error.getClass().getSimpleName()));
                    return Mono.empty();
                }))
                .then();
    }

    private Mono<Void> release(String redisKey) {
        return redis.delete(redisKey).onErrorResume(error -> Mono.empty()).then();
    }

    @Override
    public Mono<Void> forgetAll() {
        return redis.scan(ScanOptions.scanOptions().match(keys.pattern("idempotency"))
                        .count(500).build())
                .buffer(500)
                .concatMap(batch -> redis.delete(batch.toArray(String[]::new)))
                .then();
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof StoreUnavailableException ? error
                : new StoreUnavailableException("Redis did not answer: " + error.getClass().getSimpleName());
    }
}
