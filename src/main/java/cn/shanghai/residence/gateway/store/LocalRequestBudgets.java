package cn.shanghai.residence.gateway.store;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * {@link RequestBudgets} in this gateway's memory: a token bucket per caller. The whole budget with one gateway, and
 * the fallback of each replica while Redis is down (then every replica grants its own budget).
 */
final class LocalRequestBudgets implements RequestBudgets {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    LocalRequestBudgets(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Long> take(String caller) {
        return Mono.fromSupplier(() -> takeNow(caller));
    }

    long takeNow(String caller) {
        return buckets.get(caller, k -> new Bucket(properties, clock.millis())).take(clock.millis());
    }

    /** A token bucket: {@code burst} tokens, refilled at the per-minute rate. */
    private static final class Bucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long updated;

        Bucket(RateLimitProperties properties, long now) {
            this.capacity = properties.burst();
            this.perMilli = properties.requestsPerMinute() / 60_000.0;
            this.tokens = capacity;
            this.updated = now;
        }

        /** 0 when a request may pass; otherwise how long until one may, in milliseconds. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
