package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Holds a POST to {@code /graphql} to the GraphQL-over-HTTP rules before anything runs: a body within the size
 * limit; one JSON object (no batching); {@code query} a string within the document limit; {@code operationName}
 * a string; {@code variables} and {@code extensions} objects; shallow nesting and short lists in the variables.
 * Anything else is a 4xx with a typed GraphQL error, and nothing reaches an upstream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphQlRequestFilter implements WebFilter {

    private final LimitsProperties limits;
    private final JsonMapper json;

    GraphQlRequestFilter(LimitsProperties limits) {
        this.limits = limits;
        this.json = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonNesting())
                        .build())
                .build()).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        if (request.getMethod() != HttpMethod.POST || !"/graphql".equals(request.getPath().value())
                || type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return chain.filter(exchange);
        }
        Long declared = request.getHeaders().getContentLength() >= 0 ? request.getHeaders().getContentLength() : null;
        if (declared != null && declared > limits.maxBodyBytes()) {
            return GraphQlErrorResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.QUERY_TOO_COMPLEX,
                    "The request body exceeds " + limits.maxBodyBytes() + " bytes.");
        }
        return DataBufferUtils.join(request.getBody(), limits.maxBodyBytes())
                .map(GraphQlRequestFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    String problem = problem(body);
                    if (problem != null) {
                        ErrorCode code = problem.startsWith("!") ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.BAD_REQUEST;
                        return GraphQlErrorResponses.write(exchange, HttpStatus.BAD_REQUEST, code,
                                problem.replaceFirst("^!", ""));
                    }
                    return chain.filter(exchange.mutate().request(replay(request, body, exchange)).build());
                })
                .onErrorResume(DataBufferLimitException.class, tooLarge -> GraphQlErrorResponses.write(exchange,
                        HttpStatus.CONTENT_TOO_LARGE, ErrorCode.QUERY_TOO_COMPLEX,
                        "The request body exceeds " + limits.maxBodyBytes() + " bytes."));
    }

    /** What is wrong with the body, or null; a leading "!" marks a limit rather than a malformed request. */
    private String problem(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException malformed) {
            return malformed.getMessage() != null && malformed.getMessage().contains("nesting depth")
                    ? "!The request JSON is nested deeper than " + limits.maxJsonNesting() + " levels."
                    : "The request body is not valid JSON.";
        }
        if (root == null || root.isMissingNode()) {
            return "The request body is empty.";
        }
        if (root.isArray()) {
            return "Batched requests (a JSON array) are not supported; send one request object.";
        }
        if (!root.isObject()) {
            return "The request body must be a JSON object.";
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return "The request needs a 'query' string.";
        }
        if (query.asString().getBytes(StandardCharsets.UTF_8).length > limits.maxDocumentBytes()) {
            return "!The GraphQL document exceeds " + limits.maxDocumentBytes() + " bytes.";
        }
        for (Map.Entry<String, Boolean> member : Map.of("operationName", false, "variables", true,
                "extensions", true).entrySet()) {
            JsonNode value = root.get(member.getKey());
            boolean wrong = value != null && !value.isNull()
                    && (member.getValue() ? !value.isObject() : !value.isString());
            if (wrong) {
                return "'" + member.getKey() + "' must be " + (member.getValue() ? "an object." : "a string.");
            }
        }
        JsonNode variables = root.get("variables");
        if (variables != null && longestList(variables) > limits.maxListItems()) {
            return "!A list in the variables has more than " + limits.maxListItems() + " items.";
        }
        return null;
    }

    private static int longestList(JsonNode node) {
        int longest = node.isArray() ? node.size() : 0;
        for (JsonNode child : node.values()) {
            longest = Math.max(longest, longestList(child));
        }
        return longest;
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static ServerHttpRequest replay(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
