package cn.shanghai.residence.gateway.security;

import java.security.Principal;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.shanghai.residence.gateway.i18n.Messages;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.MetricNames;
import cn.shanghai.residence.gateway.store.RequestBudgets;
import cn.shanghai.residence.gateway.web.ClientAddress;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.RequestRefusals;

/**
 * Limits each person's requests to {@code /graphql} and the uploads, in one budget (after sign-in has been checked,
 * so the person is known; anonymous callers by client address, behind trusted proxies only): past the limit the
 * answer is HTTP 429 with {@code Retry-After} and a RATE_LIMITED error saying when to retry. The budgets are this
 * gateway's or, with {@code gateway.store=redis}, shared by every replica.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    private final RequestBudgets budgets;
    private final ClientAddress clientAddress;
    private final Messages messages;

    private final Counter refusedPeople;
    private final Counter refusedAnonymous;

    RateLimitFilter(RequestBudgets budgets, ClientAddress clientAddress, MeterRegistry meters, Messages messages) {
        this.budgets = budgets;
        this.messages = messages;
        this.clientAddress = clientAddress;
        this.refusedPeople = refusals(meters, "person");
        this.refusedAnonymous = refusals(meters, "anonymous");
    }

    private static Counter refusals(MeterRegistry meters, String caller) {
        return Counter.builder(MetricNames.RATE_LIMITED)
                .description("Requests refused by the per-caller rate limit (HTTP 429)")
                .tag("caller", caller)
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.equals("/graphql") && !path.startsWith("/uploads/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "person:" + name)
                .defaultIfEmpty("address:" + clientAddress.of(exchange.getRequest()))
                .flatMap(key -> budgets.take(key).flatMap(waitMillis -> {
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    (key.startsWith("person:") ? refusedPeople : refusedAnonymous).increment();
                    long seconds = Math.max(1, (waitMillis + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                    return RequestRefusals.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                            messages.render(Text.of("error.RATE_LIMITED", seconds),
                                    exchange.getRequest().getHeaders()),
                            Map.of("retryable", true, "retryAfterSeconds", seconds));
                }));
    }
}
