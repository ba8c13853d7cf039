package cn.shanghai.residence.gateway.i18n;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL error whose message is still a {@link Text}: {@link LocaleInterceptor} renders it in the request's
 * language on the way out, so whoever raises the error needs no language.
 */
public final class TextError implements GraphQLError {

    private final GraphQLError error;
    private final Text text;

    public TextError(GraphQLError error, Text text) {
        this.error = error;
        this.text = text;
    }

    public Text text() {
        return text;
    }

    /** The same error with its message in words. */
    GraphQLError rendered(String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(error.getExtensions())
                .build();
    }

    /** The key: seen only if an error escaped {@link LocaleInterceptor}. */
    @Override
    public String getMessage() {
        return text.key();
    }

    @Override
    public @Nullable List<SourceLocation> getLocations() {
        return error.getLocations();
    }

    @Override
    public ErrorClassification getErrorType() {
        return error.getErrorType();
    }

    @Override
    public @Nullable List<Object> getPath() {
        return error.getPath();
    }

    @Override
    public @Nullable Map<String, Object> getExtensions() {
        return error.getExtensions();
    }
}
