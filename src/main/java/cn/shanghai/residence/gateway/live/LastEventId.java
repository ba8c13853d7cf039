package cn.shanghai.residence.gateway.live;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Where a stream resumes: the {@code after:} argument, else SSE's {@code Last-Event-ID} header (what a reconnecting
 * EventSource-style client sends by itself), carried to the resolvers in the GraphQL context.
 */
@Component
class LastEventId implements WebGraphQlInterceptor {

    static final String HEADER = "Last-Event-ID";
    private static final String KEY = LastEventId.class.getName();

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String lastEventId = request.getHeaders().getFirst(HEADER);
        if (lastEventId != null) {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(KEY, lastEventId);
                return input;
            });
        }
        return chain.next(request);
    }

    /**
     * The id to resume after: null for none; an id that is not one of ours resumes nowhere (-1, answered RESYNC),
     * so a client is never silently given less than it asked for.
     */
    static @Nullable Long resolve(@Nullable String after, GraphQLContext context) {
        String id = after != null ? after : context.get(KEY);
        if (id == null || id.isBlank()) {
            return null;
        }
        return id.matches("\\d{1,18}") ? Long.parseLong(id) : -1L;
    }
}
