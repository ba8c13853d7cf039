package cn.shanghai.residence.gateway.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
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

import cn.shanghai.residence.gateway.i18n.Messages;
import cn.shanghai.residence.gateway.i18n.Text;

/**
 * Sheds load at the door, before any work: past the number of GraphQL requests the gateway can hold in flight
 * while the 99th percentile of its answers stays within the latency target (an adaptive AIMD limit judged once a
 * window, see {@link #limit}), a request is refused at once with HTTP 503, {@code Retry-After} and a typed
 * OVERLOADED error, instead of queueing until every request times out. Gradient2, tried first, shed a tenth of a
 * healthy soak whose answers mix cache hits (milliseconds) and agency reads (a hundred): it reads that mix as
 * rising latency. Health, readiness and the sandbox pages are never shed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdmissionFilter implements WebFilter {

    /** Answers a window needs before it is judged, and the most it keeps for its percentile. */
    static final int WINDOW_MIN_SAMPLES = 10;
    static final int WINDOW_MAX_SAMPLES = 4096;

    private final AdmissionProperties properties;
    private final AbstractLimiter<Void> limiter;
    private final Counter shed;
    private final Messages messages;

    @Autowired
    AdmissionFilter(AdmissionProperties properties, MeterRegistry meters, Messages messages) {
        this(properties, SimpleLimiter.newBuilder().named("graphql").limit(limit(properties)).build(), meters,
                messages);
    }

    AdmissionFilter(AdmissionProperties properties, AbstractLimiter<Void> limiter, MeterRegistry meters,
            Messages messages) {
        this.properties = properties;
        this.messages = messages;
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

    /**
     * AIMD judged once per window on the window's 99th percentile: one more while the p99 of admitted answers stays
     * within the target, a tenth fewer when it does not (or a client gave up). Judging each answer instead let the
     * limit climb wherever most answers were fast, so the slowest grew with it; judging a window's p99 holds the
     * admitted answers' tail, and one slow window (a GC pause) costs a tenth, not a tenth per answer.
     */
    static Limit limit(AdmissionProperties properties) {
        return WindowedLimit.newBuilder()
                .minWindowTime(properties.window().toNanos(), TimeUnit.NANOSECONDS)
                .maxWindowTime(properties.window().toNanos(), TimeUnit.NANOSECONDS)
                .windowSize(WINDOW_MIN_SAMPLES)
                .sampleWindowFactory(PercentileSampleWindowFactory.of(0.99, WINDOW_MAX_SAMPLES))
                .build(AIMDLimit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxLimit(properties.maxLimit())
                        .timeout(properties.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || !"/graphql".equals(exchange.getRequest().getPath().value())
                || LiveStreams.isStream(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shed.increment();
            long seconds = Math.max(1, properties.retryAfter().toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return RequestRefusals.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                    messages.render(Text.of("error.OVERLOADED", seconds), exchange.getRequest().getHeaders()),
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
