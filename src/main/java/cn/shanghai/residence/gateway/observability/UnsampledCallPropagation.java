package cn.shanghai.residence.gateway.observability;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * Carries a trace that is not sampled on to an agency without making a span for the call. Nine requests in ten at
 * the default sampling are not sampled, and each of their upstream calls paid for a span that nobody would see
 * (bench/RESULTS.md). Such a call now gets only its {@code traceparent}: the request's trace id, a new span id, not
 * sampled. Its observation still times it ({@code http.client.requests}). In a sampled trace, Micrometer Tracing's
 * own handlers make the client span as before. It is ordered first among the tracing handlers, which run the first
 * one that supports an observation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsampledCallPropagation implements TracingObservationHandler<ClientRequestObservationContext> {

    private final Tracer tracer;
    /** None when tracing is switched off: then no observation has a span, and this handler supports none. */
    private final @Nullable Propagator propagator;

    UnsampledCallPropagation(Tracer tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator.getIfAvailable();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        if (propagator == null || !(context instanceof ClientRequestObservationContext)) {
            return false;
        }
        ObservationView parent = context.getParentObservation();
        return parent != null && TraceSampling.span(parent) != null && !TraceSampling.recorded(parent);
    }

    @Override
    public void onStart(ClientRequestObservationContext context) {
        // The meter handler reads the tracing context of every observation; here it holds no span.
        context.put(TracingContext.class, new TracingContext());
        TraceContext parent = TraceSampling.span(context.getParentObservation()).context();
        TraceContext call = tracer.traceContextBuilder()
                .traceId(parent.traceId())
                .parentId(parent.spanId())
                .spanId(newSpanId())
                .sampled(false)
                .build();
        if (propagator != null && context.getCarrier() != null) {
            propagator.inject(call, context.getCarrier(), (carrier, key, value) -> carrier.header(key, value));
        }
    }

    @Override
    public void onStop(ClientRequestObservationContext context) {
    }

    @Override
    public void onError(ClientRequestObservationContext context) {
    }

    @Override
    public void onEvent(Observation.Event event, ClientRequestObservationContext context) {
    }

    @Override
    public void onScopeOpened(ClientRequestObservationContext context) {
    }

    @Override
    public void onScopeClosed(ClientRequestObservationContext context) {
    }

    @Override
    public void onScopeReset(ClientRequestObservationContext context) {
    }

    @Override
    public Tracer getTracer() {
        return tracer;
    }

    /** Sixteen hex digits, never all zero (W3C). */
    private static String newSpanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        String hex = Long.toHexString(id);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
