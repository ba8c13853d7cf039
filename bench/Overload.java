// Load generator for the overload check: CONCURRENCY residents, each with one request in flight for SECONDS,
// alternating the home and the progress query, and the latency of admitted (HTTP 200) and shed (HTTP 503) answers
// kept apart, which wrk cannot do. A resident who is shed waits what Retry-After says before asking again, as the
// gateway's own clients do (RETRY_AFTER=ignore asks again at once: a retry storm, which is the rate limit's job, not
// admission's). Plain JDK, no dependencies.
//
// The first SETTLE seconds (default 5) are sent but not measured: the admission limit comes down from where normal
// load left it a window at a time, and 512 connections are opened at once; both are reported by the run's log,
// not by its steady state.
//
// Usage: java bench/Overload.java <url> <concurrency> <seconds> <tokens-home> <tokens-progress>
// Prints: OVERLOAD concurrency=… admitted=… shed=… errors=… admitted_p50=… admitted_p99=… shed_p50=… shed_p99=…
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Overload {

    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        long settleSeconds = Long.parseLong(System.getenv().getOrDefault("SETTLE", "5"));
        long measureFrom = System.nanoTime() + Duration.ofSeconds(settleSeconds).toNanos();
        long endAt = measureFrom + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        List<List<String>> tokens = List.of(Files.readAllLines(Path.of(args[3])), Files.readAllLines(Path.of(args[4])));
        List<String> bodies = List.of(Files.readString(Path.of("bench/home.json")),
                Files.readString(Path.of("bench/progress.json")));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> admitted = Collections.synchronizedList(new ArrayList<>());
        List<Long> shed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        boolean honourRetryAfter = !"ignore".equals(System.getenv("RETRY_AFTER"));
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        for (long n = 0; System.nanoTime() < endAt; n++) {
            inFlight.acquire();
            int kind = (int) (n % 2);
            List<String> own = tokens.get(kind);
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + own.get((int) ((n / 2) % own.size())))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(kind))).build();
            long started = System.nanoTime();
            boolean measured = started >= measureFrom;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long micros = (System.nanoTime() - started) / 1_000;
                long wait = 0;
                if (failure != null) {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    count(measured, errors, errorKinds, cause.getClass().getSimpleName());
                } else if (response.statusCode() == 503) {
                    if (measured) {
                        shed.add(micros);
                    }
                    wait = honourRetryAfter ? response.headers().firstValueAsLong("Retry-After").orElse(0) : 0;
                } else if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
                    if (measured) {
                        admitted.add(micros);
                    }
                } else {
                    Matcher code = ERROR_CODE.matcher(response.body());
                    count(measured, errors, errorKinds, response.statusCode() + (code.find() ? ":" + code.group(1) : ""));
                }
                if (wait > 0) {
                    later.schedule(() -> inFlight.release(), wait, TimeUnit.SECONDS);
                } else {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        later.shutdownNow();
        System.out.printf("OVERLOAD concurrency=%d admitted=%d shed=%d errors=%d admitted_p50=%.2f admitted_p99=%.2f "
                        + "shed_p50=%.2f shed_p99=%.2f%n", concurrency, admitted.size(), shed.size(), errors.get(),
                percentile(admitted, 50), percentile(admitted, 99), percentile(shed, 50), percentile(shed, 99));
        if (!errorKinds.isEmpty()) {
            System.out.println("ERRORS " + new TreeMap<>(errorKinds));
        }
    }

    private static void count(boolean measured, AtomicInteger errors, Map<String, AtomicInteger> kinds, String kind) {
        if (measured) {
            errors.incrementAndGet();
            kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** In milliseconds; 0 when nothing was measured. */
    static double percentile(List<Long> micros, double p) {
        if (micros.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1)) / 1000.0;
    }
}
