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
 * The sandbox's own endpoints: the persona list, demo tokens, a page that signs GraphiQL in as a persona, GraphiQL
 * itself (with its files, no CDN) and the live progress page (issue 13).
 * They exist only while the sandbox is on.
 */
final class SandboxRoutes {

    private static final MediaType JAVASCRIPT = SandboxAssets.JAVASCRIPT;

    private final SandboxPersonas personas;
    private final SandboxTokenIssuer issuer;
    private final SandboxAssets assets = new SandboxAssets();

    SandboxRoutes(SandboxPersonas personas, SandboxTokenIssuer issuer) {
        this.personas = personas;
        this.issuer = issuer;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET("/sandbox/personas"), request -> ServerResponse.ok().bodyValue(personas.all()))
                .andRoute(POST("/sandbox/token").and(contentType(MediaType.APPLICATION_JSON)), this::token)
                .andRoute(POST("/sandbox/token"), request -> error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send {\"persona\": \"<id>\"} as application/json"))
                .andRoute(GET("/sandbox"), request -> page("sandbox/index.html", MediaType.TEXT_HTML))
                .andRoute(GET("/sandbox/index.js"), request -> page("sandbox/index.js", JAVASCRIPT))
                .andRoute(GET("/sandbox/progress"), request -> page("sandbox/progress.html", MediaType.TEXT_HTML))
                .andRoute(GET("/sandbox/progress.js"), request -> page("sandbox/progress.js", JAVASCRIPT))
                .andRoute(GET("/graphiql"), request -> page("sandbox/graphiql.html", MediaType.TEXT_HTML))
                .andRoute(GET("/sandbox/graphiql.js"), request -> page("sandbox/graphiql.js", JAVASCRIPT))
                .andRoute(GET("/sandbox/assets/{name}"), this::asset);
    }

    /**
     * A page or script of the sandbox. Every page the gateway serves gets the security headers' policy
     * ({@code SecurityHeaders}): nothing but the gateway's own files may load or run, so the progress page, which
     * renders agency text (timeline notes, parcel scans), could not be made to run anything by a slip into markup.
     */
    private static Mono<ServerResponse> page(String resource, MediaType type) {
        return ServerResponse.ok().contentType(type).bodyValue(new ClassPathResource(resource));
    }

    /** GraphiQL's and React's files from their WebJars; any other name is not found. */
    private Mono<ServerResponse> asset(ServerRequest request) {
        return assets.byName(request.pathVariable("name"))
                .map(asset -> ServerResponse.ok().contentType(asset.type()).bodyValue(asset.resource()))
                .orElseGet(() -> ServerResponse.notFound().build());
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
