package cn.shanghai.residence.gateway.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sheds load at the door, before any work: past the number of GraphQL requests the gateway can hold in flight
 * while its answers stay within the latency target (an adaptive AIMD limit: one more per answer in time, a tenth
 * fewer per answer too late), a request is refused at once with HTTP 503, {@code Retry-After} and a typed
 * OVERLOADED error, instead of queueing until every request times out. Gradient2, tried first, shed a tenth of a
 * healthy soak whose answers mix cache hits (milliseconds) and agency reads (a hundred): it reads that mix as
 * rising latency. Health, readiness and the sandbox pages are never shed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdmissionFilter implements WebFilter {

    private final AdmissionProperties properties;
    private final AbstractLimiter<Void> limiter;
    private final Counter shed;

    @Autowired
    AdmissionFilter(AdmissionProperties properties, MeterRegistry meters) {
        this(properties, SimpleLimiter.newBuilder().named("graphql").limit(AIMDLimit.newBuilder()
                .initialLimit(properties.initialLimit())
                .minLimit(properties.minLimit())
                .maxLimit(properties.maxLimit())
                .timeout(properties.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                .build()).build(), meters);
    }

    AdmissionFilter(AdmissionProperties properties, AbstractLimiter<Void> limiter, MeterRegistry meters) {
        this.properties = properties;
        this.limiter = limiter;
        this.shed = Counter.builder("gateway.admission.shed")
                .description("GraphQL requests refused at once because the gateway was at its concurrency limit")
                .register(meters);
        Gauge.builder("gateway.admission.limit", limiter, AbstractLimiter::getLimit)
                .description("GraphQL requests the gateway admits in flight at once, as adapted now")
                .register(meters);
        Gauge.builder("gateway.admission.inflight", limiter, AbstractLimiter::getInflight)
                .description("GraphQL requests in flight").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || !"/graphql".equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shed.increment();
            long seconds = Math.max(1, properties.retryAfter().toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return RequestRefusals.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                    "服务繁忙，请 " + seconds + " 秒后再试 / The gateway is at capacity; retry in " + seconds + " s",
                    Map.of("retryable", true, "retryAfterSeconds", seconds));
        }
        Limiter.Listener listener = admitted.get();
        // A client that gives up (cancels) is the clearest sign of overload, so it lowers the limit like an error.
        return chain.filter(exchange).doFinally(signal -> {
            switch (signal) {
                case ON_COMPLETE -> listener.onSuccess();
                case ON_ERROR, CANCEL -> listener.onDropped();
                default -> listener.onIgnore();
            }
        });
    }

    /** The limit now and the requests in flight, for readiness and operators. */
    public Map<String, Integer> state() {
        return Map.of("limit", limiter.getLimit(), "inflight", limiter.getInflight());
    }
}
