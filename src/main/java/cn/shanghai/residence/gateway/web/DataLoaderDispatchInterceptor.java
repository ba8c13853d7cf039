package cn.shanghai.residence.gateway.web;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Dispatches DataLoaders as soon as the engine waits on nothing else, instead of once a whole query level is
 * done: a license look-up under the registration then starts when the registration arrives, not after the
 * slowest sibling field (the reminders wait on police and then EMS), which keeps a query at its longest chain.
 */
@Component
class DataLoaderDispatchInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING,
                    true);
            return input;
        });
        return chain.next(request);
    }
}
