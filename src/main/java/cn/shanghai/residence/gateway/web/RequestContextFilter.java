package cn.shanghai.residence.gateway.web;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request its {@link RequestTrace} (echoing the request id to the client) and its
 * {@link RequestDeadline}, and hands both to the upstream calls through the Reactor context. The W3C trace is
 * not made here: the server observation (Micrometer Tracing) reads the caller's {@code traceparent} before any
 * filter runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestContextFilter implements WebFilter {

    private final DeadlineProperties properties;
    private final Clock clock;

    RequestContextFilter(DeadlineProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestTrace trace = RequestTrace.from(
                exchange.getRequest().getHeaders().getFirst(RequestTrace.REQUEST_ID_HEADER));
        exchange.getResponse().getHeaders().set(RequestTrace.REQUEST_ID_HEADER, trace.requestId());
        if (LiveStreams.isStream(exchange.getRequest())) {
            // A stream lives for hours: each upstream call keeps its own timeout, no request deadline applies.
            return chain.filter(exchange).contextWrite(context -> context.put(RequestTrace.class, trace));
        }
        RequestDeadline deadline = new RequestDeadline(clock.instant().plus(properties.requestDeadline()));
        return chain.filter(exchange)
                .contextWrite(context -> context.put(RequestTrace.class, trace).put(RequestDeadline.class, deadline));
    }
}
