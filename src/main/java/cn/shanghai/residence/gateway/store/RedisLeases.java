package cn.shanghai.residence.gateway.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link Leases} in Redis: a key per lease holding the holder's replica id with an expiry. Taking and renewing are
 * one compare-and-set script, so two replicas never both believe they hold it; a holder that dies stops renewing
 * and its lease lapses after its TTL. Lease names are hashed by {@link StoreKeys} (they may carry a person id).
 */
final class RedisLeases implements Leases {

    private static final RedisScript<Long> HOLD = RedisScript.of("""
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            if holder then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1""", Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final StoreKeys keys;
    private final String self = UUID.randomUUID().toString();

    RedisLeases(ReactiveStringRedisTemplate redis, StoreKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Mono<Boolean> hold(String name, Duration ttl) {
        return redis.execute(HOLD, List.of(keys.key("lease", name)), List.of(self,
                        Long.toString(Math.max(1, ttl.toMillis()))))
                .next()
                .map(held -> held == 1L);
    }

    @Override
    public Mono<Void> release(String name) {
        return redis.execute(RELEASE, List.of(keys.key("lease", name)), List.of(self)).then();
    }
}
