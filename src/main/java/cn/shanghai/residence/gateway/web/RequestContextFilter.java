package cn.shanghai.residence.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Gives every request its {@link RequestTrace}, echoes the request id to the client, and hands it downstream. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTraceFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestTrace trace = RequestTrace.from(
                exchange.getRequest().getHeaders().getFirst(RequestTrace.REQUEST_ID_HEADER),
                exchange.getRequest().getHeaders().getFirst(RequestTrace.TRACEPARENT_HEADER));
        exchange.getResponse().getHeaders().set(RequestTrace.REQUEST_ID_HEADER, trace.requestId());
        return chain.filter(exchange).contextWrite(context -> context.put(RequestTrace.class, trace));
    }
}
