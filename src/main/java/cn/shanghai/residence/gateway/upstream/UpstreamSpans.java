package cn.shanghai.residence.gateway.upstream;

import java.util.function.Function;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Opens the spans of upstream work (Micrometer observations, so one trace joins the request, the read and the HTTP
 * call): a child of whatever observation the Reactor context holds, and the parent of what runs inside. Their
 * attributes are names and outcomes only (upstream, resource, cache result, outcome, retries), never an id or
 * anything else about a person; errors are recorded as an outcome, never with their message. They are opened only
 * in a trace that is sampled (see {@link #recorded}).
 */
final class UpstreamSpans {

    /** A read as one caller saw it: served from cache, loaded, joined to another request's load, or stale. */
    static final String READ = "gateway.upstream.read";
    /** One guarded call to an upstream (retries included): its outcome and how often it was retried. */
    static final String CALL = "gateway.upstream.call";

    private final ObservationRegistry registry;

    /**
     * Keeps these spans out of the metrics: an observation also makes a timer, and the calls are already timed per
     * outcome by {@code gateway.upstream.calls}, the reads counted by {@code gateway.cache.requests}.
     */
    static MeterFilter noTimers() {
        return MeterFilter.deny(id -> id.getName().startsWith(READ) || id.getName().equals(CALL)
                || id.getName().equals(CALL + ".active"));
    }

    UpstreamSpans(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** {@code work} inside a new span {@code name} of {@code upstream}'s {@code resource}. */
    <T> Mono<T> observe(String name, Upstream upstream, String resource, Function<Observation, Mono<T>> work) {
        if (registry.isNoop()) {
            return work.apply(Observation.NOOP);
        }
        return Mono.deferContextual(context -> {
            Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            if (!recorded(parent)) {
                return work.apply(Observation.NOOP);
            }
            Observation span = Observation.createNotStarted(name, registry)
                    .parentObservation(parent)
                    .highCardinalityKeyValue("upstream", upstream.id())
                    .highCardinalityKeyValue("resource", resource)
                    .start();
            return work.apply(span)
                    .doFinally(signal -> span.stop())
                    .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, span));
        });
    }

    /**
     * Whether a child of {@code parent} would be recorded. Not in a trace that is not sampled (nine requests in ten
     * at the default sampling): such a span would cost its handlers' work and then be dropped. The HTTP call's span
     * still carries the trace to the agency, as the child of the request's span. With no parent, or none the tracer
     * knows, the span starts a trace of its own, and the sampler decides.
     */
    static boolean recorded(@Nullable Observation parent) {
        if (parent == null) {
            return true;
        }
        TracingObservationHandler.TracingContext tracing = parent.getContextView()
                .get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null || !Boolean.FALSE.equals(span.context().sampled());
    }
}
