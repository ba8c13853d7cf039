package cn.shanghai.residence.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-upstream connection and resilience settings under {@code gateway.upstreams.<police|housing|bdc|postal>}.
 * Every default is here, in the records, and nowhere else (the README's table is checked against them).
 *
 * @param upstreams      the four upstreams' settings; an upstream left out has every default
 * @param stallThreshold a pause of the gateway itself (GC, CPU) this long makes a timeout during it not count
 *                       against the agency's breaker
 */
@ConfigurationProperties("gateway")
public record UpstreamsProperties(Map<Upstream, Settings> upstreams, Duration stallThreshold) {

    public UpstreamsProperties {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
        stallThreshold = stallThreshold == null ? Duration.ofMillis(200) : stallThreshold;
    }

    public Settings settings(Upstream upstream) {
        Settings settings = upstreams.get(upstream);
        return settings == null ? Settings.DEFAULTS : settings;
    }

    /**
     * @param baseUrl        base URL up to and including the version path ({@code https://host/police/v1});
     *                       optional in the sandbox, where the embedded stub answers instead
     * @param connectTimeout TCP connect timeout
     * @param timeout        time allowed for one attempt, until the whole response body has arrived
     * @param maxConnections connections kept to the upstream at most; further calls wait for one
     */
    public record Settings(URI baseUrl, Duration connectTimeout, Duration timeout, Integer maxConnections,
            Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {

        static final Settings DEFAULTS = new Settings(null, null, null, null, null, null, null);

        public Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            maxConnections = maxConnections == null ? 256 : maxConnections;
            retry = retry == null ? Retry.DEFAULTS : retry;
            circuitBreaker = circuitBreaker == null ? CircuitBreaker.DEFAULTS : circuitBreaker;
            bulkhead = bulkhead == null ? Bulkhead.DEFAULTS : bulkhead;
        }
    }

    /**
     * Retries of idempotent reads, on connect errors, 5xx and 429.
     *
     * @param maxAttempts    attempts in all, the first included (1 turns retries off)
     * @param initialBackoff wait before the first retry; doubled (× multiplier) for each further one
     * @param multiplier     growth of the wait per retry
     * @param jitter         randomisation of each wait, ±fraction (0.5: between half and one and a half)
     * @param retryAfterCap  a 429's {@code Retry-After} up to this is waited for; longer ones are not retried
     * @param budgetRatio    retries allowed as a fraction of calls, over the budget window (0.2: at most 1.2×)
     * @param budgetMinimum  retries always allowed per window, so a quiet gateway can still retry
     * @param budgetWindow   the window the budget counts over
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Double multiplier, Double jitter,
            Duration retryAfterCap, Double budgetRatio, Integer budgetMinimum, Duration budgetWindow) {

        static final Retry DEFAULTS = new Retry(null, null, null, null, null, null, null, null);

        public Retry {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(50) : initialBackoff;
            multiplier = multiplier == null ? 2.0 : multiplier;
            jitter = jitter == null ? 0.5 : jitter;
            retryAfterCap = retryAfterCap == null ? Duration.ofSeconds(1) : retryAfterCap;
            budgetRatio = budgetRatio == null ? 0.2 : budgetRatio;
            budgetMinimum = budgetMinimum == null ? 5 : budgetMinimum;
            budgetWindow = budgetWindow == null ? Duration.ofSeconds(10) : budgetWindow;
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumCalls         calls needed before the rate counts
     * @param waitInOpen           how long an open breaker refuses calls before letting trial calls through
     * @param halfOpenCalls        trial calls in the half-open state
     */
    public record CircuitBreaker(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
            Duration waitInOpen, Integer halfOpenCalls) {

        static final CircuitBreaker DEFAULTS = new CircuitBreaker(null, null, null, null, null);

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            waitInOpen = waitInOpen == null ? Duration.ofSeconds(10) : waitInOpen;
            halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
        }
    }

    /** @param maxConcurrentCalls calls in flight to the upstream at once; more are refused at once */
    public record Bulkhead(Integer maxConcurrentCalls) {

        static final Bulkhead DEFAULTS = new Bulkhead(null);

        public Bulkhead {
            maxConcurrentCalls = maxConcurrentCalls == null ? 500 : maxConcurrentCalls;
        }
    }
}
