package cn.shanghai.residence.gateway.web;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Maps every exception raised while fetching a field to one typed GraphQL error, in one place. Unknown failures
 * become INTERNAL_ERROR with a fixed message: no stack trace, exception text or upstream body reaches the client
 * or the log line.
 */
@Component
class FieldExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(FieldExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof GatewayException failure) {
            return failure.toGraphQlError(env);
        }
        log.error("Unexpected {} while resolving {}", ex.getClass().getName(), env.getExecutionStepInfo().getPath());
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorCode.INTERNAL_ERROR.classification())
                .message("Internal error; the request id in the response header helps support find it.")
                .extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name()))
                .build();
    }
}
