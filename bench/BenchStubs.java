// Benchmark upstreams: the persona data of stubs/, rendered once by WireMock, then served from memory by a
// Reactor Netty server with a fixed delay per upstream. WireMock's templating costs 20-40 ms per catalog
// response, which would hide the gateway's own cost; replaying its answers does not.
//
// Benchmark persons "bench-home-N" and "bench-progress-N" are aliases of ywtb-1006 (all four upstreams) and
// ywtb-1015 (20 applications with parcels): many distinct persons, so no cache key or in-flight read is shared
// between them, with the persona data of the stubs.
//
// Usage: java -cp <runtime classpath> bench/BenchStubs.java <port> <stubs dir>
// Admin: GET /__bench/delays?police=50&housing=80&bdc=30&postal=100 ; GET /__bench/counts ; GET /__bench/reset
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

public class BenchStubs {

    record Recorded(int status, String contentType, String body) {
    }

    static final List<String> UPSTREAMS = List.of("police", "housing", "bdc", "postal");
    static final Map<String, WireMockServer> RENDERERS = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<Recorded>> RECORDED = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    static final Map<String, Long> DELAYS = new ConcurrentHashMap<>();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path stubs = Path.of(args[1]);
        for (String upstream : UPSTREAMS) {
            WireMockServer renderer = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .bindAddress("127.0.0.1").usingFilesUnderDirectory(stubs.resolve(upstream).toString()));
            renderer.start();
            RENDERERS.put(upstream, renderer);
            COUNTS.put(upstream, new AtomicLong());
            DELAYS.put(upstream, 0L);
        }
        HttpServer.create().host("127.0.0.1").port(port)
                .handle(BenchStubs::handle)
                .bindNow();
        System.out.println("bench stubs listening on " + port);
        Thread.currentThread().join();
    }

    static final Pattern ALIAS = Pattern.compile("bench-(home|progress)-[0-9]+");

    static Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        if (uri.startsWith("/__bench/")) {
            return admin(uri, response);
        }
        String upstream = uri.split("/")[1];
        if (!RENDERERS.containsKey(upstream)) {
            return response.status(HttpResponseStatus.NOT_FOUND).send();
        }
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            COUNTS.get(upstream).incrementAndGet();
            String key = request.method().name() + " " + uri + " " + body;
            CompletableFuture<Recorded> recorded = RECORDED.computeIfAbsent(unaliased(key),
                    k -> render(upstream, request.method().name(), uri, body, request.requestHeaders()
                            .get("Idempotency-Key")));
            // One rendered answer serves every later request of the key: a caller that goes away must not cancel it.
            return Mono.fromFuture(recorded, true)
                    .delayElement(Duration.ofMillis(DELAYS.get(upstream)))
                    .map(answer -> aliased(answer, uri + " " + body))
                    .flatMap(answer -> response.status(answer.status())
                            .header("Content-Type", answer.contentType())
                            .sendString(Mono.just(answer.body())).then());
        });
    }

    /** Answers for an alias carry the alias, as the real upstream would carry the person's own id. */
    static Recorded aliased(Recorded answer, String request) {
        Matcher alias = ALIAS.matcher(request);
        if (!alias.find()) {
            return answer;
        }
        return new Recorded(answer.status(), answer.contentType(),
                answer.body().replace(persona(alias.group()), alias.group()));
    }

    static String persona(String alias) {
        return alias.startsWith("bench-home") ? "ywtb-1006" : "ywtb-1015";
    }

    static String unaliased(String text) {
        Matcher alias = ALIAS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (alias.find()) {
            alias.appendReplacement(out, persona(alias.group()));
        }
        return alias.appendTail(out).toString();
    }

    static CompletableFuture<Recorded> render(String upstream, String method, String aliasedUri, String aliasedBody,
            String idempotencyKey) {
        String uri = unaliased(aliasedUri);
        String body = unaliased(aliasedBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RENDERERS.get(upstream).baseUrl() + uri))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> new Recorded(answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse("application/json"), answer.body()));
    }

    static Mono<Void> admin(String uri, HttpServerResponse response) {
        if (uri.startsWith("/__bench/delays")) {
            String query = uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "";
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=");
                if (parts.length == 2 && DELAYS.containsKey(parts[0])) {
                    DELAYS.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return response.sendString(Mono.just(DELAYS.toString())).then();
        }
        if (uri.startsWith("/__bench/reset")) {
            COUNTS.values().forEach(count -> count.set(0));
            return response.sendString(Mono.just("reset")).then();
        }
        StringBuilder counts = new StringBuilder();
        UPSTREAMS.forEach(u -> counts.append(u).append('=').append(COUNTS.get(u).get()).append(' '));
        return response.sendString(Mono.just(counts.toString().trim())).then();
    }
}
