package cn.shanghai.residence.gateway.web;

import java.util.Map;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.LogCorrelation;
import cn.shanghai.residence.gateway.store.StoreUnavailableException;

/**
 * Maps every exception raised while fetching a field to one typed GraphQL error, in one place. Unknown failures
 * become INTERNAL_ERROR with a fixed message: no stack trace, exception text or upstream body reaches the client
 * or the log line.
 */
@Component
class FieldExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(FieldExceptionResolver.class);

    /**
     * graphql-java aborts the fields still running when a request is cancelled (the client left, or the socket
     * timed out while the gateway was overloaded): expected under load, typed as a timeout, never logged as a bug.
     */
    private static final GatewayException CANCELLED = new GatewayException(ErrorCode.UPSTREAM_TIMEOUT,
            Text.of("error.UPSTREAM_TIMEOUT.cancelled"));

    /** Writes fail closed while the shared store is down: nothing was submitted, so the same request may be retried. */
    private static final GatewayException STORE_UNAVAILABLE = new GatewayException(ErrorCode.STORE_UNAVAILABLE,
            Text.of("error.STORE_UNAVAILABLE")) {
        @Override
        public Map<String, Object> extensions() {
            return Map.of("retryable", true);
        }
    };

    /** A gateway bug: a fixed message, nothing of its cause. */
    private static final GatewayException INTERNAL = new GatewayException(ErrorCode.INTERNAL_ERROR,
            Text.of("error.INTERNAL_ERROR"));

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof GatewayException failure) {
            return failure.toGraphQlError(env);
        }
        if (ex instanceof StoreUnavailableException) {
            return STORE_UNAVAILABLE.toGraphQlError(env);
        }
        if (ex instanceof AbortExecutionException) {
            LogCorrelation.within(env.getGraphQlContext(), () -> log.debug(
                    "Request cancelled or out of time while resolving {}", env.getExecutionStepInfo().getPath()));
            return CANCELLED.toGraphQlError(env);
        }
        LogCorrelation.within(env.getGraphQlContext(), () -> log.error("Unexpected {} while resolving {}",
                ex.getClass().getName(), env.getExecutionStepInfo().getPath()));
        return INTERNAL.toGraphQlError(env);
    }
}
