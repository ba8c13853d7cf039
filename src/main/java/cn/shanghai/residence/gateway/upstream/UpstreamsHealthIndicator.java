package cn.shanghai.residence.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each upstream's circuit breaker in {@code /actuator/health} (component {@code upstreams}, also in readiness).
 * An open breaker does not make the gateway DOWN: it still serves every other section, so it stays UP and shows
 * which agency is being spared.
 */
@Component("upstreams")
class UpstreamsHealthIndicator implements HealthIndicator {

    private final UpstreamGuards guards;

    UpstreamsHealthIndicator(UpstreamGuards guards) {
        this.guards = guards;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (Upstream upstream : Upstream.values()) {
            CircuitBreaker breaker = guards.of(upstream).circuitBreaker();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("circuitBreaker", breaker.getState().name());
            details.put("failureRate", breaker.getMetrics().getFailureRate());
            details.put("bufferedCalls", breaker.getMetrics().getNumberOfBufferedCalls());
            health.withDetail(upstream.id(), details);
        }
        return health.build();
    }
}
