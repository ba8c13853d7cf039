package cn.shanghai.residence.gateway.web;

import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Health as the public port shows it: UP or DOWN and nothing else, for load balancers and probes. Each agency's
 * breaker and failure rate are for operators only, on the actuator's own port ({@code management.server.port}),
 * where Boot's health endpoint answers with every detail.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthRoute {

    @Bean
    RouterFunction<ServerResponse> publicHealth(HealthEndpoint health) {
        return route(GET("/actuator/health"), request -> status(health, new String[0]))
                .andRoute(GET("/actuator/health/liveness"), request -> status(health, new String[] {"liveness"}))
                .andRoute(GET("/actuator/health/readiness"), request -> status(health, new String[] {"readiness"}));
    }

    /** The health indicators may block (Boot's own disk and ping ones), so they are asked off the event loop. */
    private static Mono<ServerResponse> status(HealthEndpoint health, String[] group) {
        return Mono.fromCallable(() -> group.length == 0 ? health.health().getStatus()
                        : health.healthForPath(group).getStatus())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(status -> ServerResponse.status(Status.UP.equals(status) ? HttpStatus.OK
                        : HttpStatus.SERVICE_UNAVAILABLE).bodyValue(Map.of("status", status.getCode())));
    }
}
