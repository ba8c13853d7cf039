package cn.shanghai.residence.gateway.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * One real WebSocket connection speaking {@code graphql-transport-ws} exactly as a screen's client does: it opens,
 * sends {@code connection_init} (with the token, if any) and waits for {@code connection_ack}; then any number of
 * subscriptions share the socket. Written for the tests rather than taken from Spring's client, whose shared
 * session handler now and then opened a second connection for one transport under load, so a test failed for the
 * client's sake. Events arrive on a worker thread, so a test step that blocks never stalls a Netty event loop.
 */
public final class GraphQlSocket {

    private static final int INIT_TIMEOUT = 4408;
    private static final int CONNECT_ATTEMPTS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
    };

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Map<String, Sinks.Many<Map<String, Object>>> operations = new ConcurrentHashMap<>();
    private final Sinks.One<Void> acknowledged = Sinks.one();
    private final Sinks.One<CloseStatus> closed = Sinks.one();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile @Nullable WebSocketSession session;

    private GraphQlSocket() {
    }

    /**
     * A socket to {@code ws://localhost:port/graphql}, signed in with {@code token} when given, acknowledged. Like
     * graphql-ws, it connects again when the server closed the socket for a {@code connection_init} it never saw
     * (4408): on a busy machine about one connection in forty lost its first frame, with this client and Spring's.
     */
    public static GraphQlSocket open(int port, @Nullable String token, Duration patience) {
        for (int attempt = 1; ; attempt++) {
            GraphQlSocket socket = new GraphQlSocket();
            socket.connect(URI.create("ws://localhost:" + port + "/graphql"), token);
            try {
                Mono.firstWithSignal(socket.acknowledged.asMono(), socket.closed.asMono().flatMap(status ->
                        Mono.error(new Closed(status)))).block(patience);
                return socket;
            } catch (Closed closed) {
                if (closed.status().getCode() != INIT_TIMEOUT || attempt == CONNECT_ATTEMPTS) {
                    throw closed;
                }
            }
        }
    }

    private void connect(URI uri, @Nullable String token) {
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession webSocket) {
                session = webSocket;
                webSocket.closeStatus().defaultIfEmpty(CloseStatus.NO_STATUS_CODE).subscribe(GraphQlSocket.this::ended);
                Mono<Void> receive = webSocket.receive().map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(GraphQlSocket.this::received).then();
                Map<String, Object> init = token == null ? Map.of("type", "connection_init")
                        : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token));
                Flux<WebSocketMessage> send = Flux.concat(Mono.just(json(init)), outbound.asFlux())
                        .map(webSocket::textMessage);
                return Mono.zip(webSocket.send(send), receive).then();
            }
        };
        // Its own connection, never one of the shared pool's: a socket holds it for its whole life.
        new ReactorNettyWebSocketClient(HttpClient.newConnection()).execute(uri, new HttpHeaders(), handler)
                .subscribe(done -> { }, failure -> ended(CloseStatus.SERVER_ERROR), () -> ended(CloseStatus.NORMAL));
    }

    /**
     * Starts a subscription: each {@code next} message's payload ({@code data}, and {@code errors} when a result
     * carries them); an {@code error} message ends it with {@link OperationError}; cancelling sends
     * {@code complete}.
     */
    public Flux<Map<String, Object>> subscribe(String document, Map<String, Object> variables) {
        return Flux.defer(() -> {
            String id = String.valueOf(ids.incrementAndGet());
            Sinks.Many<Map<String, Object>> results = Sinks.many().unicast().onBackpressureBuffer();
            operations.put(id, results);
            outbound.emitNext(json(Map.of("id", id, "type", "subscribe", "payload",
                    Map.of("query", document, "variables", variables))), Sinks.EmitFailureHandler.busyLooping(
                    Duration.ofSeconds(1)));
            return results.asFlux().doOnCancel(() -> {
                if (operations.remove(id) != null) {
                    outbound.tryEmitNext(json(Map.of("id", id, "type", "complete")));
                }
            });
        }).publishOn(Schedulers.boundedElastic());
    }

    /** Closes the socket normally (every subscription on it ends on the server). */
    public void close() {
        WebSocketSession open = session;
        if (open != null) {
            open.close().block(Duration.ofSeconds(30));
        }
    }

    /** How the socket ended, once it has. */
    public Mono<CloseStatus> closeStatus() {
        return closed.asMono();
    }

    @SuppressWarnings("unchecked")
    private void received(String text) {
        Map<String, Object> message = JSON.readValue(text, MESSAGE);
        String id = (String) message.get("id");
        switch (String.valueOf(message.get("type"))) {
            case "connection_ack" -> acknowledged.tryEmitEmpty();
            case "ping" -> outbound.tryEmitNext(json(Map.of("type", "pong")));
            case "next" -> {
                Sinks.Many<Map<String, Object>> results = operations.get(id);
                if (results != null) {
                    results.tryEmitNext((Map<String, Object>) message.get("payload"));
                }
            }
            case "error" -> {
                Sinks.Many<Map<String, Object>> results = operations.remove(id);
                if (results != null) {
                    results.tryEmitError(new OperationError((List<Map<String, Object>>) message.get("payload")));
                }
            }
            case "complete" -> {
                Sinks.Many<Map<String, Object>> results = operations.remove(id);
                if (results != null) {
                    results.tryEmitComplete();
                }
            }
            default -> {
            }
        }
    }

    private void ended(CloseStatus status) {
        closed.tryEmitValue(status);
        outbound.tryEmitComplete();
        operations.values().forEach(results -> results.tryEmitError(new Closed(status)));
        operations.clear();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A subscription ended by the server's {@code error} message: its GraphQL errors. */
    public static final class OperationError extends RuntimeException {

        private final List<Map<String, Object>> errors;

        public OperationError(List<Map<String, Object>> errors) {
            super("error message: " + errors);
            this.errors = errors;
        }

        public List<Map<String, Object>> errors() {
            return errors;
        }
    }

    /** The socket closed under a subscription (or before it was acknowledged). */
    public static final class Closed extends RuntimeException {

        private final CloseStatus status;

        Closed(CloseStatus status) {
            super("socket closed: " + status);
            this.status = status;
        }

        public CloseStatus status() {
            return status;
        }
    }
}
