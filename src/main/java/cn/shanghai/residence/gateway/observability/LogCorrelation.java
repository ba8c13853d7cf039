package cn.shanghai.residence.gateway.observability;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.util.context.ContextView;

/**
 * Names the trace, span and request in a log line written inside a request, on whichever thread writes it. The
 * gateway runs with {@code spring.reactor.context-propagation=limited}: restoring every thread local around every
 * Reactor operator cost about 30 % of a cold query's CPU (bench/RESULTS.md), so the gateway's warnings and errors
 * about a request restore them here, from its context, for the length of the line only.
 */
public final class LogCorrelation {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private LogCorrelation() {
    }

    /**
     * Runs {@code logging} with the MDC of the request whose context is {@code context}: its Reactor
     * {@link ContextView}, or the {@link graphql.GraphQLContext} Spring for GraphQL copies it into.
     */
    public static void within(Object context, Runnable logging) {
        try (ContextSnapshot.Scope restored = SNAPSHOTS.setThreadLocalsFrom(context)) {
            logging.run();
        }
    }
}
