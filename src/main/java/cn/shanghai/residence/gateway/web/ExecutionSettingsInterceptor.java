package cn.shanghai.residence.gateway.web;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * How graphql-java runs each request. The parser stops at the token limit, so a huge document costs little.
 * DataLoaders dispatch as soon as the engine waits on nothing else, instead of once a whole query level is done:
 * a license look-up under the registration then starts when the registration arrives, not after the slowest
 * sibling field, which keeps a query at its longest chain of calls.
 */
@Component
class ExecutionSettingsInterceptor implements WebGraphQlInterceptor {

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
        return chain.next(request);
    }
}
