package cn.shanghai.residence.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.i18n.TextError;

/**
 * A failure the client may see: its message is written for the client and must never hold PII, upstream bodies
 * or internals; {@link #extensions()} adds typed details next to the code.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final Text text;

    /** A message from the bundles, rendered in the request's language; {@link #getMessage()} is its key. */
    public GatewayException(ErrorCode code, Text text) {
        super(text.key(), null, false, false);
        this.code = code;
        this.text = text;
    }

    /** The message to render, in the language the request asks for. */
    public Text text() {
        return text;
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra {@code extensions} entries beside {@code code}. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** The one shape every typed error has: the message, {@code extensions.code} and this failure's details. */
    public GraphQLError toGraphQlError(DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(extensions());
        return withText(GraphqlErrorBuilder.newError(env)
                .errorType(code.classification())
                .message(getMessage())
                .extensions(extensions)
                .build());
    }

    /** The same error where no field is being fetched: a subscription's stream failing after it started. */
    public GraphQLError toGraphQlError() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(extensions());
        return withText(GraphqlErrorBuilder.newError()
                .errorType(code.classification())
                .message(getMessage())
                .extensions(extensions)
                .build());
    }

    private GraphQLError withText(GraphQLError error) {
        return new TextError(error, text);
    }

    public static GatewayException badUserInput(Text message) {
        return new GatewayException(ErrorCode.BAD_USER_INPUT, message);
    }
}
