package cn.shanghai.residence.gateway.security;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

import cn.shanghai.residence.gateway.observability.MetricNames;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.RequestRefusals;

/**
 * Limits each person's requests to {@code /graphql} and the uploads, in one bucket (after sign-in has been checked,
 * so the person is known): past the limit the answer is HTTP 429 with {@code Retry-After} and a RATE_LIMITED error
 * saying when to retry.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    private final Counter refusedPeople;
    private final Counter refusedAnonymous;

    RateLimitFilter(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
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
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(key -> {
                    long waitMillis = buckets.get(key, k -> new Bucket(properties, clock.millis())).take(clock.millis());
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    (key.startsWith("person:") ? refusedPeople : refusedAnonymous).increment();
                    long seconds = Math.max(1, (waitMillis + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                    return RequestRefusals.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                            "请求过于频繁，请 " + seconds + " 秒后再试 / Too many requests; retry in " + seconds + " s",
                            Map.of("retryable", true, "retryAfterSeconds", seconds));
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** A token bucket: {@code burst} tokens, refilled at the per-minute rate. */
    private static final class Bucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long updated;

        Bucket(RateLimitProperties properties, long now) {
            this.capacity = properties.burst();
            this.perMilli = properties.requestsPerMinute() / 60_000.0;
            this.tokens = capacity;
            this.updated = now;
        }

        /** 0 when a request may pass; otherwise how long until one may, in milliseconds. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
