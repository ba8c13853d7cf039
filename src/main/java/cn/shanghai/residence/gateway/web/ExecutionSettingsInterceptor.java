package cn.shanghai.residence.gateway.web;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.parser.ParserOptions;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * How graphql-java runs each request. The parser stops at the token limit, so a huge document costs little.
 * DataLoaders dispatch as soon as the engine waits on nothing else, instead of once a whole query level is done:
 * a license look-up under the registration then starts when the registration arrives, not after the slowest
 * sibling field, which keeps a query at its longest chain of calls. Each data fetcher gets the request's Reactor
 * context (its memo, deadline, span, caller) but no thread locals: restoring those (the tracing scope, the MDC)
 * around every fetcher and batch load cost about 3 % of a cold query's CPU, and no fetcher reads them; the
 * gateway's log lines restore them when they write
 * ({@link cn.shanghai.residence.gateway.observability.LogCorrelation}).
 */
@Component
class ExecutionSettingsInterceptor implements WebGraphQlInterceptor {

    /** Spring for GraphQL's snapshots with every context accessor (Reactor, GraphQL) and no thread-local one. */
    private static final ContextSnapshotFactory CONTEXT_ONLY;

    static {
        ContextRegistry contextsOnly = new ContextRegistry();
        ContextRegistry.getInstance().getContextAccessors().forEach(contextsOnly::registerContextAccessor);
        CONTEXT_ONLY = ContextSnapshotFactory.builder().contextRegistry(contextsOnly).build();
    }

    private final ParserOptions parserOptions;

    ExecutionSettingsInterceptor(LimitsProperties limits) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxDocumentBytes())
                .maxRuleDepth(Math.max(50, limits.maxDepth() * 10)));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(ParserOptions.class, parserOptions);
            input.getGraphQLContext().put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING,
                    true);
            return input;
        });
        return chain.next(request)
                .contextWrite(context -> ContextPropagationHelper.saveInstance(CONTEXT_ONLY, context));
    }
}
