package cn.shanghai.residence.gateway.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.stubs.world.Outcome;
import cn.shanghai.residence.stubs.world.SandboxClock;

/**
 * Stubs running on their own ({@code stubs/run.sh}) hear of the sandbox clock through their admin API: the gateway
 * pushes "sandbox time is now X, running at scale s" to each, whenever it changes and once at start.
 */
final class AdminApiStubControls implements StubControls {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Set<URI> origins;
    private final URI police;
    private final SandboxClock clock;
    private final WebClient http;

    AdminApiStubControls(Map<Upstream, URI> stubUrls, SandboxClock clock, WebClient.Builder http) {
        this.origins = new LinkedHashSet<>(stubUrls.values());
        this.police = stubUrls.get(Upstream.POLICE);
        this.clock = clock;
        this.http = http.build();
    }

    @Override
    public Mono<Void> clockChanged() {
        return Flux.fromIterable(origins)
                .flatMap(origin -> post(origin, "/__admin/sandbox/clock",
                        Map.of("now", clock.instant().toString(), "scale", clock.scale())))
                .then();
    }

    @Override
    public Mono<Void> reset() {
        return Flux.fromIterable(origins)
                .flatMap(origin -> post(origin, "/__admin/sandbox/reset", Map.of()))
                .then(clockChanged());
    }

    @Override
    public Mono<Void> planNext(String personId, Outcome outcome) {
        return post(police, "/__admin/sandbox/next-outcome", Map.of("personId", personId, "outcome", outcome.name()));
    }

    private Mono<Void> post(URI origin, String path, Map<String, Object> body) {
        return http.post().uri(origin.resolve(path))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then();
    }
}
