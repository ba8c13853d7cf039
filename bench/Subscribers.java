// The subscription benchmark's screens: <subscribers> WebSocket connections (graphql-transport-ws), screen i signed
// in as bench-live-(i mod <applications> + 1) and watching that person's application. Opens them at most 64 at a
// time, waits until every one is acknowledged and subscribed, prints "OPEN", then for <seconds> records each
// timeline event's delivery latency (receipt minus the step's time at the agency) and prints one RESULT line.
//
// Usage: java -cp <runtime classpath> bench/Subscribers.java <gateway port> <tokens file> <subscribers>
//        <applications> <seconds>
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

public class Subscribers {

    static final WebsocketClientSpec SPEC = WebsocketClientSpec.builder().protocols("graphql-transport-ws").build();
    static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
    static final AtomicInteger EVENTS = new AtomicInteger();
    static final AtomicInteger ERRORS = new AtomicInteger();
    static final AtomicInteger UNACKNOWLEDGED = new AtomicInteger();
    static volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        int subscribers = Integer.parseInt(args[2]);
        int applications = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        // Not pooled: a socket holds its connection for the whole run, and a pool's default size would queue the rest.
        HttpClient client = HttpClient.newConnection();
        Flux.range(0, subscribers).flatMap(i -> screen(client, port, tokens.get(i % applications),
                "APL-LIVE-" + (i % applications + 1), subscribed), 64).subscribe();
        if (!subscribed.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("screens not subscribed: " + subscribed.getCount());
        }
        System.out.println("OPEN " + subscribers);
        System.out.flush();
        measuring = true;
        Thread.sleep(seconds * 1000L); // the measurement window of a benchmark, not a test
        measuring = false;
        long[] sorted = LATENCIES.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("RESULT subscribers=" + subscribers + " events=" + EVENTS.get() + " errors=" + ERRORS.get() + " unacknowledged=" + UNACKNOWLEDGED.get()
                + " p50=" + percentile(sorted, 0.50) + "ms p99=" + percentile(sorted, 0.99) + "ms");
        System.exit(0);
    }

    /** One screen: connect, sign in, subscribe, then count events; the returned Mono ends once it is subscribed. */
    static Mono<Void> screen(HttpClient client, int port, String token, String application, CountDownLatch subscribed) {
        java.util.concurrent.atomic.AtomicBoolean acked = new java.util.concurrent.atomic.AtomicBoolean();
        return Mono.create(done -> client.websocket(SPEC).uri(URI.create("ws://127.0.0.1:" + port + "/graphql").toString())
                .handle((in, out) -> {
                    Flux<String> replies = in.receive().asString().flatMap(text -> {
                        if (text.contains("\"connection_ack\"") && acked.compareAndSet(false, true)) {
                            subscribed.countDown();
                            done.success();
                            return Mono.just("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                                    + "\"subscription { applicationUpdates(id: \\\"" + application
                                    + "\\\") { id kind at } }\"}}");
                        }
                        if (text.contains("\"ping\"")) {
                            return Mono.just("{\"type\":\"pong\"}");
                        }
                        if (text.contains("\"next\"") && text.contains("TIMELINE_EVENT")) {
                            Matcher at = AT.matcher(text);
                            if (measuring && at.find()) {
                                LATENCIES.add(Duration.between(Instant.parse(at.group(1)), Instant.now()).toMillis());
                                EVENTS.incrementAndGet();
                            }
                        } else if (text.contains("\"error\"") || text.contains("\"errors\"")) {
                            ERRORS.incrementAndGet();
                        }
                        return Mono.empty();
                    });
                    return out.sendString(Flux.concat(Mono.just("{\"type\":\"connection_init\",\"payload\":"
                            + "{\"Authorization\":\"Bearer " + token + "\"}}"), replies)).then();
                })
                .subscribe(v -> { }, failure -> refused(acked, subscribed, done), () -> refused(acked, subscribed, done)));
    }

    /** A screen whose socket ended before it was acknowledged (refused, or closed 4408): counted, not awaited. */
    static void refused(java.util.concurrent.atomic.AtomicBoolean acked, CountDownLatch subscribed,
            reactor.core.publisher.MonoSink<Void> done) {
        if (acked.compareAndSet(false, true)) {
            UNACKNOWLEDGED.incrementAndGet();
            subscribed.countDown();
            done.success();
        }
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
