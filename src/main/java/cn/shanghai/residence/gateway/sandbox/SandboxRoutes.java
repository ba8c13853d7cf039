package cn.shanghai.residence.gateway.sandbox;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.contentType;

/**
 * The sandbox's own endpoints: the persona list, demo tokens, and a page that signs GraphiQL in as a persona.
 * They exist only while the sandbox is on.
 */
final class SandboxRoutes {

    private final SandboxPersonas personas;
    private final SandboxTokenIssuer issuer;

    SandboxRoutes(SandboxPersonas personas, SandboxTokenIssuer issuer) {
        this.personas = personas;
        this.issuer = issuer;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET("/sandbox/personas"), request -> ServerResponse.ok().bodyValue(personas.all()))
                .andRoute(POST("/sandbox/token").and(contentType(MediaType.APPLICATION_JSON)), this::token)
                .andRoute(POST("/sandbox/token"), request -> error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send {\"persona\": \"<id>\"} as application/json"))
                .andRoute(GET("/sandbox"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .bodyValue(new ClassPathResource("sandbox/index.html")));
    }

    private Mono<ServerResponse> token(ServerRequest request) {
        return request.bodyToMono(TokenRequest.class)
                .onErrorResume(error -> Mono.just(new TokenRequest(null)))
                .defaultIfEmpty(new TokenRequest(null))
                .flatMap(body -> body.persona() == null ? Mono.empty() : Mono.justOrEmpty(personas.byId(body.persona())))
                .flatMap(persona -> ServerResponse.ok().bodyValue(issuer.issue(persona.id())))
                .switchIfEmpty(error(HttpStatus.BAD_REQUEST,
                        "persona must be one of the ids listed at GET /sandbox/personas"));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "BAD_USER_INPUT", "message", message));
    }

    /** Body of {@code POST /sandbox/token}. */
    record TokenRequest(String persona) {
    }
}
