package cn.shanghai.residence.gateway.web;

import graphql.GraphQLError;

/** The {@link ErrorCode} a GraphQL error carries in {@code extensions.code}; one without a known code is INTERNAL_ERROR. */
final class ErrorCodes {

    private static final ErrorCode[] CODES = ErrorCode.values();

    private ErrorCodes() {
    }

    static ErrorCode of(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code instanceof String name) {
            for (ErrorCode known : CODES) {
                if (known.name().equals(name)) {
                    return known;
                }
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
