package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * One {@link UpstreamGuard} per upstream, built from that upstream's settings: the resilience mechanism is written
 * once and configured four times. Its breakers, retries and bulkheads are published as Micrometer metrics.
 */
public final class UpstreamGuards {

    private final Map<Upstream, UpstreamGuard> guards = new EnumMap<>(Upstream.class);

    UpstreamGuards(UpstreamsProperties properties, MeterRegistry meters, Clock clock, UpstreamGuard.Stalls stalls) {
        this(properties, meters, clock, stalls, ObservationRegistry.NOOP);
    }

    UpstreamGuards(UpstreamsProperties properties, MeterRegistry meters, Clock clock, UpstreamGuard.Stalls stalls,
            ObservationRegistry observations) {
        UpstreamSpans spans = new UpstreamSpans(observations);
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        for (Upstream upstream : Upstream.values()) {
            UpstreamsProperties.Settings settings = properties.settings(upstream);
            UpstreamsProperties.CircuitBreaker breaker = settings.circuitBreaker();
            guards.put(upstream, new UpstreamGuard(upstream, settings,
                    TimeLimiter.of(upstream.id(), TimeLimiterConfig.custom()
                            .timeoutDuration(settings.timeout())
                            .cancelRunningFuture(true)
                            .build()),
                    bulkheads.bulkhead(upstream.id(), BulkheadConfig.custom()
                            .maxConcurrentCalls(settings.bulkhead().maxConcurrentCalls())
                            .maxWaitDuration(Duration.ZERO)
                            .build()),
                    breakers.circuitBreaker(upstream.id(), CircuitBreakerConfig.custom()
                            .failureRateThreshold(breaker.failureRateThreshold())
                            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                            .slidingWindowSize(breaker.slidingWindowSize())
                            .minimumNumberOfCalls(breaker.minimumCalls())
                            .waitDurationInOpenState(breaker.waitInOpen())
                            .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .recordException(UpstreamGuard::upstreamFault)
                            .ignoreException(UpstreamGuard::ownLimit)
                            .build()),
                    retries, meters, clock, stalls, spans));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    public UpstreamGuard of(Upstream upstream) {
        return guards.get(upstream);
    }

    /** Closes every breaker and refills every retry budget. */
    public void resetAll() {
        guards.values().forEach(UpstreamGuard::reset);
    }
}
