package cn.shanghai.residence.gateway.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-person request rate on {@code /graphql}, under {@code gateway.rate-limit}: a token bucket per signed-in
 * person (per client address when anonymous).
 *
 * @param requestsPerMinute the sustained rate
 * @param burst             requests allowed at once on top of a quiet period
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(Integer requestsPerMinute, Integer burst) {

    public RateLimitProperties {
        requestsPerMinute = requestsPerMinute == null ? 120 : requestsPerMinute;
        burst = burst == null ? 30 : burst;
    }
}
