package cn.shanghai.residence.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream spans and HTTP call spans are made only where the trace is recorded; the sampled trace is checked end to
 * end in TracingExportTests, the unsampled one in RequestTraceTests.
 */
class TraceSamplingTests {

    private final ObservationRegistry registry = ObservationRegistry.create();

    TraceSamplingTests() {
        registry.observationConfig().observationHandler(context -> true);
    }

    @Test
    void shouldRecordTheChildOfASampledSpan() {
        assertThat(TraceSampling.recorded(parentWith(TraceFlags.getSampled()))).isTrue();
    }

    @Test
    void shouldSkipTheChildOfASpanThatIsNotSampled() {
        assertThat(TraceSampling.recorded(parentWith(TraceFlags.getDefault()))).isFalse();
    }

    @Test
    void shouldLeaveASpanWithNoParentOrNoTracerToTheSampler() {
        assertThat(TraceSampling.recorded(null)).isTrue();
        assertThat(TraceSampling.recorded(Observation.start("untraced", registry))).isTrue();
        Observation noSpanYet = Observation.start("untraced", registry);
        noSpanYet.getContext().put(TracingObservationHandler.TracingContext.class,
                new TracingObservationHandler.TracingContext());
        assertThat(TraceSampling.recorded(noSpanYet)).isTrue();
    }

    private Observation parentWith(TraceFlags flags) {
        Observation parent = Observation.start("http.server.requests", registry);
        TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
        tracing.setSpan(OtelSpan.fromOtel(Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7", flags, TraceState.getDefault()))));
        parent.getContext().put(TracingObservationHandler.TracingContext.class, tracing);
        return parent;
    }
}
