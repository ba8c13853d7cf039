package cn.shanghai.residence.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/** Builds the one shape every typed error has: the message, {@code extensions.code} and the failure's details. */
public final class GraphQlErrors {

    private GraphQlErrors() {
    }

    public static GraphQLError of(GatewayException failure, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", failure.code().name());
        extensions.putAll(failure.extensions());
        return GraphqlErrorBuilder.newError(env)
                .errorType(failure.code().classification())
                .message(failure.getMessage())
                .extensions(extensions)
                .build();
    }
}
