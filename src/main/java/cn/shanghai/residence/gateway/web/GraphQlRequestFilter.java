package cn.shanghai.residence.gateway.web;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

import cn.shanghai.residence.gateway.i18n.Messages;
import cn.shanghai.residence.gateway.i18n.Text;

/**
 * Holds a POST to {@code /graphql} to {@link GraphQlRequestRules} before anything runs: a body within the size
 * limit, then the same checks a GET gets, a trusted document's id replaced by its text. Anything else is a 4xx with a typed GraphQL error, and nothing reaches
 * an upstream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphQlRequestFilter implements WebFilter {

    private final LimitsProperties limits;
    private final GraphQlRequestRules rules;
    private final Messages messages;

    GraphQlRequestFilter(LimitsProperties limits, GraphQlRequestRules rules, Messages messages) {
        this.limits = limits;
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        if (request.getMethod() != HttpMethod.POST || !"/graphql".equals(request.getPath().value())
                || type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return chain.filter(exchange);
        }
        if (request.getHeaders().getContentLength() > limits.maxBodyBytes()) {
            return tooLarge(exchange);
        }
        return DataBufferUtils.join(request.getBody(), limits.maxBodyBytes())
                .map(GraphQlRequestFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .map(rules::admit)
                .flatMap(admitted -> admitted.refusal() != null
                        ? RequestRefusals.write(exchange, HttpStatus.BAD_REQUEST, admitted.refusal().code(),
                                messages.render(admitted.refusal().message(), request.getHeaders()))
                        : chain.filter(exchange.mutate().request(replay(request, admitted.body(), exchange)).build()))
                .onErrorResume(DataBufferLimitException.class, limit -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return RequestRefusals.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.QUERY_TOO_COMPLEX,
                messages.render(Text.of("error.QUERY_TOO_COMPLEX.bodyBytes", limits.maxBodyBytes()),
                        exchange.getRequest().getHeaders()));
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
