package cn.shanghai.residence.gateway.observability;

import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Whether work under an observation is recorded: the one rule by which the gateway skips spans nobody will see
 * (nine requests in ten at the default sampling), written once for the upstream spans and the HTTP calls.
 */
public final class TraceSampling {

    private TraceSampling() {
    }

    /**
     * Whether a child of {@code parent} would be recorded. Not in a trace that is not sampled. With no parent, or
     * none the tracer knows, the child starts a trace of its own, and the sampler decides.
     */
    public static boolean recorded(@Nullable ObservationView parent) {
        if (parent == null) {
            return true;
        }
        Span span = span(parent);
        return span == null || !Boolean.FALSE.equals(span.context().sampled());
    }

    /** The span Micrometer Tracing made for {@code observation}, if any. */
    static @Nullable Span span(ObservationView observation) {
        TracingObservationHandler.TracingContext tracing = observation.getContextView()
                .get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
