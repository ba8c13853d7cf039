package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission control of {@code /graphql} under {@code gateway.admission}: how many requests may be in the gateway
 * at once, adapted to the latency they get (Netflix concurrency-limits' AIMD: one more while answers stay within
 * the latency target, a tenth fewer for each that does not).
 *
 * @param enabled       shed requests past the limit (off: admit everything)
 * @param initialLimit  requests in flight allowed at start
 * @param minLimit      the limit never falls below this
 * @param maxLimit      the limit never rises above this
 * @param latencyTarget an answer slower than this tells the limit to back off
 * @param retryAfter    what a shed request is told to wait ({@code Retry-After})
 */
@ConfigurationProperties("gateway.admission")
public record AdmissionProperties(Boolean enabled, Integer initialLimit, Integer minLimit, Integer maxLimit,
        Duration latencyTarget, Duration retryAfter) {

    public AdmissionProperties {
        enabled = enabled == null || enabled;
        initialLimit = initialLimit == null ? 64 : initialLimit;
        minLimit = minLimit == null ? 16 : minLimit;
        maxLimit = maxLimit == null ? 512 : maxLimit;
        latencyTarget = latencyTarget == null ? Duration.ofSeconds(1) : latencyTarget;
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }
}
