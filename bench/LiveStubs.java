// Police for the subscription benchmark: applications APL-LIVE-1 … APL-LIVE-<count>, each owned by bench-live-N,
// under review, whose timeline gains a step every <change> seconds (at exact multiples of it since start, so a
// client computes delivery latency as receipt time minus the step's time). Counts the reads of each application,
// which is what the gateway's pollers cost the agency. Plain JDK plus Reactor Netty (the gateway's classpath).
//
// Usage: java -cp <runtime classpath> bench/LiveStubs.java <port> <count> <change seconds>
// Admin: GET /__live/counts (application reads so far) ; GET /__live/reset
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

public class LiveStubs {

    static final AtomicLong READS = new AtomicLong();
    static final int KEPT_STEPS = 10;
    static Instant start;
    static int count;
    static long change;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        count = Integer.parseInt(args[1]);
        change = Long.parseLong(args[2]);
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpServer.create().host("127.0.0.1").port(port).handle(LiveStubs::handle).bindNow();
        System.out.println("live stubs listening on " + port);
        Thread.currentThread().join();
    }

    static Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.uri().split("\\?")[0];
        if (path.equals("/__live/counts")) {
            return response.sendString(Mono.just("reads=" + READS.get())).then();
        }
        if (path.equals("/__live/reset")) {
            READS.set(0);
            return response.sendString(Mono.just("reset")).then();
        }
        if (path.matches("/police/v1/persons/[^/]+/dependents")) {
            return json(response, "[]");
        }
        if (path.matches("/police/v1/applications/APL-LIVE-[0-9]+")) {
            int n = Integer.parseInt(path.substring(path.lastIndexOf('-') + 1));
            if (n >= 1 && n <= count) {
                READS.incrementAndGet();
                return json(response, application(n));
            }
        }
        return response.status(HttpResponseStatus.NOT_FOUND).header("Content-Type", "application/json")
                .sendString(Mono.just("{\"code\":\"NOT_FOUND\",\"message\":\"no such record\"}")).then();
    }

    static String application(int n) {
        Instant now = Instant.now();
        long steps = (now.getEpochSecond() - start.getEpochSecond()) / change;
        Instant submitted = start.minus(1, ChronoUnit.DAYS);
        StringBuilder events = new StringBuilder("{\"at\":\"" + submitted + "\",\"status\":\"SUBMITTED\",\"note\":null}");
        for (long k = Math.max(1, steps - KEPT_STEPS + 1); k <= steps; k++) {
            events.append(",{\"at\":\"").append(start.plusSeconds(k * change))
                    .append("\",\"status\":\"UNDER_REVIEW\",\"note\":\"审核进展 ").append(k).append("\"}");
        }
        Instant updated = steps == 0 ? submitted : start.plusSeconds(steps * change);
        return "{\"applicationId\":\"APL-LIVE-" + n + "\",\"personId\":\"bench-live-" + n + "\","
                + "\"kind\":\"RESIDENCE_PERMIT_NEW\",\"status\":\"UNDER_REVIEW\",\"submittedAt\":\"" + submitted
                + "\",\"updatedAt\":\"" + updated + "\",\"delivery\":null,\"issuedLicenseId\":null,\"events\":["
                + events + "]}";
    }

    static Mono<Void> json(HttpServerResponse response, String body) {
        return response.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
    }
}
