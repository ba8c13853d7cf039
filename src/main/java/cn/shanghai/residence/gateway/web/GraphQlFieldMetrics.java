package cn.shanghai.residence.gateway.web;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.observability.MetricNames;

/**
 * The availability and latency SLIs of what residents ask: {@code me} as a whole, each of its sections
 * ({@code me.profile}, {@code me.applications}, ...), the other root fields and each mutation, timed by outcome: OK,
 * or the {@code extensions.code} of the first error at or below the field's path (a section whose parcels EMS could
 * not give is {@code UPSTREAM_UNAVAILABLE}, as the resident saw it). Business refusals are userErrors, so OK. Tag
 * values come from the schema's field names and {@link ErrorCode}: never an argument, an alias or an id. Spring
 * GraphQL's own per-field observations cost about a tenth of the throughput; this times only these fields.
 */
@Component
class GraphQlFieldMetrics implements Instrumentation {

    static final String OK = "OK";
    private static final String ROOT = "Query";
    private static final String MUTATION = "Mutation";
    private static final String CITIZEN = "Citizen";
    private static final String ME = "me";

    private final MeterRegistry meters;
    /** Per field name, one timer per outcome (OK, then each ErrorCode), registered at first use and then held. */
    private final Map<String, Timer[]> roots = new ConcurrentHashMap<>();
    private final Map<String, Timer[]> sections = new ConcurrentHashMap<>();

    GraphQlFieldMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One request's timed fields, closed when its result is known. */
    private static final class Timed implements InstrumentationState {
        private final long started = System.nanoTime();
        private final Queue<Fetch> fetches = new ConcurrentLinkedQueue<>();
    }

    /** A field being fetched: its timers, its response path, how long its fetch took (-1: the whole request). */
    private static final class Fetch {
        private final Timer[] timers;
        private final String field;
        private final List<Object> path;
        private final long started = System.nanoTime();
        private volatile long nanos = -1;

        Fetch(Timer[] timers, String field, List<Object> path) {
            this.timers = timers;
            this.field = field;
            this.path = path;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Timed();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        int level = step.getPath().getLevel();
        if (level > 2 || !(state instanceof Timed timed)) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        String type = step.getObjectType().getName();
        String name = step.getField().getName();
        Fetch fetch;
        if (level == 1 && (ROOT.equals(type) || MUTATION.equals(type))) {
            fetch = new Fetch(roots.computeIfAbsent(name, n -> new Timer[ErrorCode.values().length + 1]), name,
                    step.getPath().toList());
        } else if (level == 2 && CITIZEN.equals(type) && ME.equals(step.getParent().getField().getName())) {
            fetch = new Fetch(sections.computeIfAbsent(name, n -> new Timer[ErrorCode.values().length + 1]),
                    ME + "." + name, step.getPath().toList());
        } else {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        timed.fetches.add(fetch);
        if (ME.equals(fetch.field)) {
            return FieldFetchingInstrumentationContext.NOOP; // me itself is only a placeholder: timed as the request
        }
        return new FieldFetchingInstrumentationContext() {
            @Override
            public void onDispatched() {
            }

            @Override
            public void onCompleted(@Nullable Object result, @Nullable Throwable error) {
                fetch.nanos = System.nanoTime() - fetch.started;
            }
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Timed timed && !timed.fetches.isEmpty()) {
            long now = System.nanoTime();
            for (Fetch fetch : timed.fetches) {
                int outcome = outcome(result.getErrors(), fetch.path);
                Timer timer = fetch.timers[outcome];
                if (timer == null) {
                    timer = Timer.builder(MetricNames.GRAPHQL_FIELDS)
                            .description("me, its sections, the other root fields and the mutations, by outcome")
                            .tag("field", fetch.field)
                            .tag("outcome", outcome == 0 ? OK : ErrorCode.values()[outcome - 1].name())
                            .register(meters);
                    fetch.timers[outcome] = timer;
                }
                timer.record(fetch.nanos < 0 ? now - timed.started : fetch.nanos, TimeUnit.NANOSECONDS);
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    /** 0 for OK, else 1 + the ordinal of the code of the first error at or below the path (uncoded: INTERNAL_ERROR). */
    private static int outcome(List<GraphQLError> errors, List<Object> path) {
        for (GraphQLError error : errors) {
            List<Object> at = error.getPath();
            if (at != null && at.size() >= path.size() && at.subList(0, path.size()).equals(path)) {
                return 1 + ErrorCodes.of(error).ordinal();
            }
        }
        return 0;
    }
}
