package cn.shanghai.residence.gateway.web;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.language.Field;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway bug inside a request is logged with the request's id, though data fetchers run without the request's
 * thread locals (ExecutionSettingsInterceptor): the resolvers restore them for their own line only.
 */
class ErrorLogCorrelationTests {

    private static final RequestTrace TRACE = new RequestTrace("app-7f3c2a91");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    ErrorLogCorrelationTests() {
        new RequestIdLogging();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        logger(FieldExceptionResolver.class).addAppender(log);
        logger(SubscriptionErrorResolver.class).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger(FieldExceptionResolver.class).detachAppender(log);
        logger(SubscriptionErrorResolver.class).detachAppender(log);
    }

    @Test
    void shouldNameTheRequestWhenAFieldFailsUnexpectedly() {
        DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .graphQLContext(GraphQLContext.of(Map.of(RequestTrace.class, TRACE)))
                .mergedField(MergedField.newMergedField(Field.newField("me").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("me")).build())
                .build();

        List<GraphQLError> errors = new FieldExceptionResolver().resolveException(new IllegalStateException(), env)
                .block();

        assertInternalErrorLoggedWithTheRequest(errors,
                "Unexpected java.lang.IllegalStateException while resolving /me");
    }

    @Test
    void shouldNameTheRequestWhenASubscriptionFailsUnexpectedly() {
        List<GraphQLError> errors = new SubscriptionErrorResolver().resolveException(new IllegalStateException())
                .contextWrite(Context.of(RequestTrace.class, TRACE))
                .block();

        assertInternalErrorLoggedWithTheRequest(errors,
                "Unexpected java.lang.IllegalStateException in a subscription");
    }

    private void assertInternalErrorLoggedWithTheRequest(List<GraphQLError> errors, String message) {
        assertThat(errors).singleElement().extracting(error -> error.getExtensions().get("code"))
                .isEqualTo("INTERNAL_ERROR");
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo(message);
            assertThat(line.getMDCPropertyMap()).containsEntry(RequestIdLogging.MDC_KEY, TRACE.requestId());
        });
    }

    private static Logger logger(Class<?> type) {
        return (Logger) LoggerFactory.getLogger(type);
    }
}
