package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import cn.shanghai.residence.gateway.i18n.Messages;

/** Writes a request-level refusal in the GraphQL response shape, with its typed code, before any execution. */
public final class RequestRefusals {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestRefusals() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ErrorCode code, String message) {
        return write(exchange, status, code, message, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ErrorCode code, String message,
            Map<String, Object> moreExtensions) {
        byte[] body = JSON.writeValueAsString(body(code, message, moreExtensions)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(mediaType(exchange.getRequest().getHeaders()));
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }

    /** The same refusal as a functional-endpoint response. */
    static Mono<ServerResponse> response(ServerRequest request, HttpStatus status, ErrorCode code, String message) {
        return response(request, status, code, message, headers -> { });
    }

    /** The same, with response headers of its own (e.g. {@code Allow}). */
    static Mono<ServerResponse> response(ServerRequest request, HttpStatus status, ErrorCode code, String message,
            Consumer<HttpHeaders> headers) {
        return ServerResponse.status(status).headers(headers)
                .contentType(mediaType(request.headers().asHttpHeaders()))
                .bodyValue(body(code, message, Map.of()));
    }

    /**
     * Refusals of a plain HTTP endpoint (the uploads) in the same shape: one error per failure, each with its
     * {@code extensions.code} and its own extensions, worded in the request's {@code Accept-Language};
     * {@code headers} adds response headers (e.g. {@code Retry-After}).
     */
    public static Mono<ServerResponse> response(ServerRequest request, HttpStatus status,
            List<? extends GatewayException> failures, Messages messages, Consumer<HttpHeaders> headers) {
        HttpHeaders asked = request.headers().asHttpHeaders();
        List<Map<String, Object>> errors = failures.stream()
                .map(failure -> error(failure.code(), messages.render(failure.text(), asked), failure.extensions()))
                .toList();
        return ServerResponse.status(status).headers(headers)
                .contentType(mediaType(request.headers().asHttpHeaders()))
                .bodyValue(Map.of("errors", errors));
    }

    private static Map<String, Object> body(ErrorCode code, String message, Map<String, Object> moreExtensions) {
        return Map.of("errors", List.of(error(code, message, moreExtensions)));
    }

    private static Map<String, Object> error(ErrorCode code, String message, Map<String, Object> moreExtensions) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(moreExtensions);
        return Map.of("message", message, "extensions", extensions);
    }

    /** application/graphql-response+json when the client asks for it by name, else application/json. */
    private static MediaType mediaType(HttpHeaders headers) {
        boolean graphqlResponse = headers.getAccept().stream()
                .anyMatch(accepted -> accepted.isCompatibleWith(GRAPHQL_RESPONSE) && !accepted.isWildcardType());
        return graphqlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
    }
}
