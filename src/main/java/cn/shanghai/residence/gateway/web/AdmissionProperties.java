package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/**
 * Admission control of {@code /graphql} under {@code gateway.admission}: how many requests may be in the gateway
 * at once, adapted to the latency they get (Netflix concurrency-limits' AIMD, judged once a window on the window's
 * 99th percentile: one more while it stays within the latency target, a tenth fewer when it does not).
 *
 * @param enabled       shed requests past the limit (off: admit everything)
 * @param initialLimit  requests in flight allowed at start
 * @param minLimit      the limit never falls below this
 * @param maxLimit      the limit never rises above this
 * @param latencyTarget the p99 admitted answers are kept within: a window whose p99 is slower backs the limit off;
 *                      set it to the gateway's latency objective (the agencies' own latency included)
 * @param retryAfter    what a shed request is told to wait ({@code Retry-After})
 * @param window        how long a window of answers is, judged once by its p99
 */
@ConfigurationProperties("gateway.admission")
public record AdmissionProperties(Boolean enabled, Integer initialLimit, Integer minLimit, Integer maxLimit,
        Duration latencyTarget, Duration retryAfter, Duration window) {

    /** concurrency-limits refuses a shorter window. */
    static final Duration SHORTEST_WINDOW = Duration.ofMillis(100);

    public AdmissionProperties {
        enabled = enabled == null || enabled;
        initialLimit = initialLimit == null ? 64 : initialLimit;
        minLimit = minLimit == null ? 16 : minLimit;
        maxLimit = maxLimit == null ? 512 : maxLimit;
        latencyTarget = latencyTarget == null ? Duration.ofSeconds(1) : latencyTarget;
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        window = window == null ? Duration.ofSeconds(1) : window;
        if (window.compareTo(SHORTEST_WINDOW) < 0) {
            throw new InvalidConfigurationException("gateway.admission.window", "gateway.admission.window must be at "
                    + "least 100ms (concurrency-limits judges no shorter window), not " + window);
        }
    }
}
