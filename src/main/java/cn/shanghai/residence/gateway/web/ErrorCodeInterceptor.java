package cn.shanghai.residence.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives the errors graphql-java raises itself (syntax, validation, aborted execution) a typed
 * {@code extensions.code}, so every error a client sees carries one.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(ErrorCodeInterceptor::coded)) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(e -> coded(e) ? e : withCode(e)).toList();
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

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
