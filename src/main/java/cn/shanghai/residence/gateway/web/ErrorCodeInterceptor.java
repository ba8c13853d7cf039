package cn.shanghai.residence.gateway.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.observability.MetricNames;

/**
 * Gives the errors graphql-java raises itself (syntax, validation, aborted execution) a typed
 * {@code extensions.code}, so every error a client sees carries one; and counts every error by its code.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor, Ordered {

    /** Every code's counter, registered at start (a code never seen yet is a 0, not a missing series). */
    private final Map<ErrorCode, Counter> counted = new EnumMap<>(ErrorCode.class);

    ErrorCodeInterceptor(MeterRegistry meters) {
        for (ErrorCode code : ErrorCode.values()) {
            counted.put(code, Counter.builder(MetricNames.GRAPHQL_ERRORS)
                    .description("GraphQL errors in answers, by extensions.code")
                    .tag("code", code.name())
                    .register(meters));
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            if (errors.stream().allMatch(ErrorCodeInterceptor::coded)) {
                errors.forEach(error -> counted.get(ErrorCodes.of(error)).increment());
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(e -> coded(e) ? e : withCode(e)).toList();
            coded.forEach(error -> counted.get(ErrorCodes.of(error)).increment());
            return response.transform(builder -> builder.errors(coded));
        });
    }

    private static boolean coded(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", codeOf(error).name());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    /** Aborted: a limit. Without a path: the request itself (syntax, validation, introspection off). */
    private static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification classification = error.getErrorType();
        if (classification == ErrorType.ExecutionAborted) {
            return ErrorCode.QUERY_TOO_COMPLEX;
        }
        if (classification == ErrorType.InvalidSyntax || classification == ErrorType.ValidationError
                || classification == ErrorType.OperationNotSupported || error.getPath() == null
                || error.getPath().isEmpty()) {
            return ErrorCode.BAD_REQUEST;
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    /** Inside the audit, freshness and language interceptors, which read or render the codes given here. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
