package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Spring for GraphQL's SSE transport, plus the SSE {@code id:} of every event (the event's own {@code id}), so an
 * EventSource-style client sends it back as {@code Last-Event-ID} when it reconnects and resumes where it was.
 * Otherwise as Spring's: {@code next} events, a {@code complete} event, keep-alive comments.
 */
final class LiveSseHandler extends GraphQlSseHandler {

    private final @Nullable Duration keepAlive;

    LiveSseHandler(WebGraphQlHandler handler, @Nullable Duration timeout, @Nullable Duration keepAlive) {
        super(handler, timeout, keepAlive);
        this.keepAlive = keepAlive;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
        if (!(response.getData() instanceof Publisher<?> publisher)) {
            return super.prepareResponse(request, response);
        }
        Flux<ServerSentEvent<Map<String, Object>>> events = Flux.from((Publisher<ExecutionResult>) publisher)
                .map(ExecutionResult::toSpecification)
                .map(LiveSseHandler::next)
                .onErrorResume(error -> Mono.just(ServerSentEvent.builder(errorOf(error)).event("next").build()))
                .concatWith(Mono.just(ServerSentEvent.<Map<String, Object>>builder(Map.of()).event("complete").build()));
        if (keepAlive != null) {
            Duration every = keepAlive;
            events = events.publish(shared -> Flux.merge(shared, Flux.interval(every, every)
                    .map(tick -> ServerSentEvent.<Map<String, Object>>builder().comment("").build())
                    .takeUntilOther(shared.then())));
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromServerSentEvents(events));
    }

    private static ServerSentEvent<Map<String, Object>> next(Map<String, Object> result) {
        ServerSentEvent.Builder<Map<String, Object>> event = ServerSentEvent.builder(result).event("next");
        if (result.get("data") instanceof Map<?, ?> data && data.size() == 1
                && data.values().iterator().next() instanceof Map<?, ?> update
                && update.get("id") instanceof String id) {
            event.id(id);
        }
        return event.build();
    }

    private static Map<String, Object> errorOf(Throwable error) {
        if (error instanceof SubscriptionPublisherException failure) {
            return failure.toMap();
        }
        return Map.of("errors", java.util.List.of(GraphqlErrorBuilder.newError().message("Subscription error")
                .errorType(ErrorType.INTERNAL_ERROR).extensions(Map.of("code", "INTERNAL_ERROR")).build()
                .toSpecification()));
    }

    /** Replaces Boot's SSE handler (it backs off when one is defined); the same settings. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
            return new LiveSseHandler(handler, properties.getHttp().getSse().getTimeout(),
                    properties.getHttp().getSse().getKeepAlive());
        }
    }
}
