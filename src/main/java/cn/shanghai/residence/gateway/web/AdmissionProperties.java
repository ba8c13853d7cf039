package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission control of {@code /graphql} under {@code gateway.admission}: how many requests may be in the gateway
 * at once, adapted to the latency it sees (Netflix concurrency-limits' Gradient2).
 *
 * @param enabled      shed requests past the limit (off: admit everything)
 * @param initialLimit requests in flight allowed at start, before the limit has learnt anything
 * @param minLimit     the limit never falls below this
 * @param maxLimit     the limit never rises above this
 * @param retryAfter   what a shed request is told to wait ({@code Retry-After})
 */
@ConfigurationProperties("gateway.admission")
public record AdmissionProperties(Boolean enabled, Integer initialLimit, Integer minLimit, Integer maxLimit,
        Duration retryAfter) {

    public AdmissionProperties {
        enabled = enabled == null || enabled;
        initialLimit = initialLimit == null ? 64 : initialLimit;
        minLimit = minLimit == null ? 16 : minLimit;
        maxLimit = maxLimit == null ? 512 : maxLimit;
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }
}
