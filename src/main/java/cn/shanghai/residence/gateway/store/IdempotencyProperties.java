package cn.shanghai.residence.gateway.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency of the application mutations, under {@code gateway.idempotency}.
 *
 * @param ttl         how long a key's outcome is remembered
 * @param maximumKeys keys remembered at most (in memory)
 */
@ConfigurationProperties("gateway.idempotency")
public record IdempotencyProperties(Duration ttl, Long maximumKeys) {

    public IdempotencyProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        maximumKeys = maximumKeys == null ? 1_000_000L : maximumKeys;
    }
}
