package cn.shanghai.residence.gateway.sandbox;

import java.nio.charset.StandardCharsets;
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
 * The sandbox's own endpoints: the persona list, demo tokens, a page that signs GraphiQL in as a persona, and the
 * live progress page (issue 13).
 * They exist only while the sandbox is on.
 */
final class SandboxRoutes {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    /** Scripts and connections (fetch, the WebSocket) to the gateway only; the page's one inline style block. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

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
                        .bodyValue(new ClassPathResource("sandbox/index.html")))
                .andRoute(GET("/sandbox/progress"), request -> page("sandbox/progress.html", MediaType.TEXT_HTML))
                .andRoute(GET("/sandbox/progress.js"), request -> page("sandbox/progress.js", JAVASCRIPT));
    }

    /**
     * The progress page and its script, under a policy that lets nothing but the gateway's own files run: the page
     * renders agency text (timeline notes, parcel scans), so a slip into markup could not load or run anything.
     */
    private static Mono<ServerResponse> page(String resource, MediaType type) {
        return ServerResponse.ok().contentType(type).header("Content-Security-Policy", PAGE_POLICY)
                .bodyValue(new ClassPathResource(resource));
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
