package cn.shanghai.residence.gateway.security;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
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
 * Limits each person's requests to {@code /graphql} and the uploads, in one budget, before any other work: before
 * the body is read or parsed ({@code GraphQlRequestFilter}, the uploads) and before sign-in is enforced. The caller
 * is known from the headers alone: the subject of a bearer token that verifies (verified tokens are remembered by
 * {@link VerifiedTokenCache}, so this costs one RSA check per token, not per request), else the client address
 * (behind trusted proxies only). So every request counts, also those refused afterwards as malformed (400), too
 * large (413) or with a bad token (401, on the address's budget). Past the limit the answer is HTTP 429 with
 * {@code Retry-After} and a RATE_LIMITED error saying when to retry, and the body is never read. The budgets are
 * this gateway's or, with {@code gateway.store=redis}, shared by every replica.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RateLimitFilter implements WebFilter {

    private final RequestBudgets budgets;
    private final ClientAddress clientAddress;
    private final ObjectProvider<ReactiveJwtDecoder> tokens;
    private final Messages messages;

    private final Counter refusedPeople;
    private final Counter refusedAnonymous;

    RateLimitFilter(RequestBudgets budgets, ClientAddress clientAddress, ObjectProvider<ReactiveJwtDecoder> tokens,
            MeterRegistry meters, Messages messages) {
        this.budgets = budgets;
        this.messages = messages;
        this.clientAddress = clientAddress;
        this.tokens = tokens;
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
        return caller(exchange)
                .flatMap(key -> budgets.take(key).flatMap(waitMillis -> {
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    (RateLimitCallers.isPerson(key) ? refusedPeople : refusedAnonymous).increment();
                    long seconds = Math.max(1, (waitMillis + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                    return RequestRefusals.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                            messages.render(Text.of("error.RATE_LIMITED", seconds),
                                    exchange.getRequest().getHeaders()),
                            Map.of("retryable", true, "retryAfterSeconds", seconds));
                }));
    }

    /** The verified token's person, else the client address: from the headers, the body is not touched. */
    private Mono<String> caller(ServerWebExchange exchange) {
        String address = RateLimitCallers.address(clientAddress.of(exchange.getRequest()));
        return RateLimitCallers.bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .map(token -> tokens.getObject().decode(token)
                        .mapNotNull(Jwt::getSubject)
                        .map(RateLimitCallers::person)
                        .onErrorResume(invalid -> Mono.empty()))
                .orElse(Mono.empty())
                .defaultIfEmpty(address);
    }
}
