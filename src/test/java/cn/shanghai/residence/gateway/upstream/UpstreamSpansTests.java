package cn.shanghai.residence.gateway.upstream;

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
 * Upstream spans are opened only where the trace is recorded; the sampled trace is checked end to end in
 * TracingExportTests.
 */
class UpstreamSpansTests {

    private final ObservationRegistry registry = ObservationRegistry.create();

    UpstreamSpansTests() {
        registry.observationConfig().observationHandler(context -> true);
    }

    @Test
    void shouldRecordTheChildOfASampledSpan() {
        assertThat(UpstreamSpans.recorded(parentWith(TraceFlags.getSampled()))).isTrue();
    }

    @Test
    void shouldSkipTheChildOfASpanThatIsNotSampled() {
        assertThat(UpstreamSpans.recorded(parentWith(TraceFlags.getDefault()))).isFalse();
    }

    @Test
    void shouldLeaveASpanWithNoParentOrNoTracerToTheSampler() {
        assertThat(UpstreamSpans.recorded(null)).isTrue();
        assertThat(UpstreamSpans.recorded(Observation.start("untraced", registry))).isTrue();
        Observation noSpanYet = Observation.start("untraced", registry);
        noSpanYet.getContext().put(TracingObservationHandler.TracingContext.class,
                new TracingObservationHandler.TracingContext());
        assertThat(UpstreamSpans.recorded(noSpanYet)).isTrue();
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
