package cn.shanghai.residence.gateway.sandbox;

import java.time.LocalDate;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.reference.ServiceClockMoved;
import cn.shanghai.residence.gateway.store.IdempotencyStore;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.stubs.world.Outcome;
import cn.shanghai.residence.stubs.world.SandboxClock;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

/**
 * The living sandbox's controls (issue 12): read and advance the sandbox clock, reset every persona, plan how a
 * person's next application ends. A clock change also empties the gateway's caches (an answer cached before
 * "six months later" must not be served after it) and wakes live progress's pollers.
 */
final class SandboxClockRoutes {

    private final SandboxClock clock;
    private final StubControls stubs;
    private final ResourceCaches caches;
    private final IdempotencyStore idempotency;
    private final ApplicationEventPublisher events;

    SandboxClockRoutes(SandboxClock clock, StubControls stubs, ResourceCaches caches, IdempotencyStore idempotency,
            ApplicationEventPublisher events) {
        this.clock = clock;
        this.stubs = stubs;
        this.caches = caches;
        this.idempotency = idempotency;
        this.events = events;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET("/sandbox/clock"), request -> now())
                .andRoute(POST("/sandbox/clock"), this::advance)
                .andRoute(POST("/sandbox/reset"), request -> reset())
                .andRoute(POST("/sandbox/next-outcome"), this::nextOutcome);
    }

    private Mono<ServerResponse> advance(ServerRequest request) {
        return body(request).flatMap(body -> {
            TemporalAmount amount;
            try {
                amount = SandboxClock.parseAdvance(body.get("advance") instanceof String s ? s : null);
            } catch (IllegalArgumentException e) {
                return error("INVALID_CLOCK", "advance must be a positive ISO-8601 period or duration, e.g. "
                        + "{\"advance\": \"P1D\"}, \"P6M\" or \"PT2H\"");
            }
            clock.advance(amount);
            return stubs.clockChanged().then(Mono.fromRunnable(this::moved)).then(Mono.defer(this::now));
        }).switchIfEmpty(error("INVALID_CLOCK", "send {\"advance\": \"P1D\"} as application/json"));
    }

    private Mono<ServerResponse> reset() {
        return stubs.reset().then(Mono.fromRunnable(() -> {
            clock.reset();
        })).then(idempotency.forgetAll()).then(stubs.clockChanged()).then(Mono.fromRunnable(this::moved))
                .then(Mono.defer(this::now));
    }

    /** Nothing read before the jump is served after it, and live pollers look again now. */
    private void moved() {
        caches.invalidateAll();
        events.publishEvent(new ServiceClockMoved());
    }

    private Mono<ServerResponse> nextOutcome(ServerRequest request) {
        String hint = "send {\"personId\": \"ywtb-1001\", \"outcome\": one of " + Arrays.toString(Outcome.values()) + "}";
        return body(request).flatMap(body -> {
            Outcome outcome;
            try {
                outcome = Outcome.valueOf(String.valueOf(body.get("outcome")));
            } catch (IllegalArgumentException e) {
                return error("INVALID_OUTCOME", hint);
            }
            if (!(body.get("personId") instanceof String personId) || !Ids.safe(personId)) {
                return error("INVALID_OUTCOME", hint);
            }
            return stubs.planNext(personId, outcome)
                    .then(ServerResponse.ok().bodyValue(Map.of("personId", personId, "outcome", outcome.name())));
        }).switchIfEmpty(error("INVALID_OUTCOME", hint));
    }

    private Mono<ServerResponse> now() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.instant().toString());
        out.put("today", LocalDate.now(clock).toString());
        out.put("scale", clock.scale());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(out);
    }

    /** The JSON object body; empty when it is missing, not JSON or not an object. */
    private static Mono<Map<String, Object>> body(ServerRequest request) {
        return request.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .onErrorResume(error -> Mono.empty());
    }

    private static Mono<ServerResponse> error(String code, String message) {
        return ServerResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "message", message));
    }
}
