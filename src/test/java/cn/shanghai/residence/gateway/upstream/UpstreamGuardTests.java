package cn.shanghai.residence.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's retry policy with real Resilience4j, against a call that counts how often it is made. */
class UpstreamGuardTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void shouldKeepAnAlwaysFailingUpstreamWithinTheRetryBudget() {
        UpstreamGuard guard = guard(new UpstreamsProperties.Retry(3, Duration.ofMillis(1), 1.0, 0.0, null, 0.2, 5,
                Duration.ofSeconds(10)));
        int clientCalls = 100;

        for (int i = 0; i < clientCalls; i++) {
            StepVerifier.create(guard.read("police-permit", () -> failing(503, null))).expectError().verify();
        }

        assertThat(calls.get()).as("without a budget: 3 × 100").isLessThanOrEqualTo((int) (clientCalls * 1.2) + 5)
                .isGreaterThan(clientCalls);
    }

    @Test
    void shouldWaitForAShortRetryAfterAndRetry() {
        UpstreamGuard guard = guard(retries(Duration.ofSeconds(1)));

        StepVerifier.create(guard.read("police-permit", () -> failing(429, "0"))).expectError().verify();

        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void shouldNotRetryWhenRetryAfterExceedsTheCap() {
        UpstreamGuard guard = guard(retries(Duration.ofSeconds(1)));

        StepVerifier.create(guard.read("police-permit", () -> failing(429, "120"))).expectError().verify();

        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void shouldNeverRetryAWrite() {
        UpstreamGuard guard = guard(retries(Duration.ofSeconds(1)));

        StepVerifier.create(guard.write("police-applications-submit", () -> failing(503, null)))
                .expectError().verify();

        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryABusinessRefusal() {
        UpstreamGuard guard = guard(retries(Duration.ofSeconds(1)));

        StepVerifier.create(guard.read("police-permit", () -> failing(422, null))).expectError().verify();

        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void shouldNotHoldATimeoutAgainstTheAgencyWhenTheGatewayItselfStalled() {
        UpstreamGuard stalled = guard(retries(Duration.ofSeconds(1)), Duration.ofMillis(20), started -> true);
        UpstreamGuard running = guard(retries(Duration.ofSeconds(1)), Duration.ofMillis(20), UpstreamGuard.Stalls.NEVER);

        StepVerifier.create(stalled.read("police-permit", Mono::never))
                .expectError(UpstreamGuard.GatewayStalled.class).verify();
        StepVerifier.create(running.read("police-permit", Mono::never))
                .expectError(java.util.concurrent.TimeoutException.class).verify();

        assertThat(stalled.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(stalled.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).as("ignored").isZero();
        assertThat(running.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(UpstreamFailures.classify(Upstream.POLICE, new UpstreamGuard.GatewayStalled(
                new java.util.concurrent.TimeoutException())).code().name()).isEqualTo("UPSTREAM_TIMEOUT");
    }

    @Test
    void shouldSeeNoStallBeforeTheFirstOne() {
        StallDetector detector = new StallDetector(Duration.ofHours(1), new SimpleMeterRegistry());
        try {
            assertThat(detector.since(System.nanoTime())).as("a call started now, with no stall seen yet").isFalse();
        } finally {
            detector.destroy();
        }
    }

    @Test
    void shouldCountOnlyTheAgencysFailuresAgainstItsBreaker() {
        UpstreamGuard guard = guard(retries(Duration.ofSeconds(1)));

        assertThat(UpstreamGuard.upstreamFault(BulkheadFullException.createBulkheadFullException(
                io.github.resilience4j.bulkhead.Bulkhead.ofDefaults("x")))).as("our bulkhead").isFalse();
        assertThat(UpstreamGuard.upstreamFault(CallNotPermittedException.createCallNotPermittedException(
                guard.circuitBreaker()))).as("our open breaker").isFalse();
        assertThat(UpstreamGuard.upstreamFault(responseError(404))).as("absent").isFalse();
        assertThat(UpstreamGuard.upstreamFault(responseError(422))).as("refused").isFalse();
        assertThat(UpstreamGuard.upstreamFault(responseError(503))).isTrue();
        assertThat(UpstreamGuard.upstreamFault(responseError(429))).isTrue();
        assertThat(UpstreamGuard.upstreamFault(new java.util.concurrent.TimeoutException())).isTrue();
    }

    private static UpstreamsProperties.Retry retries(Duration retryAfterCap) {
        return new UpstreamsProperties.Retry(3, Duration.ofMillis(1), 1.0, 0.0, retryAfterCap, 0.2, 100,
                Duration.ofSeconds(10));
    }

    private UpstreamGuard guard(UpstreamsProperties.Retry retry) {
        return guard(retry, Duration.ofSeconds(1), UpstreamGuard.Stalls.NEVER);
    }

    private UpstreamGuard guard(UpstreamsProperties.Retry retry, Duration timeout, UpstreamGuard.Stalls stalls) {
        UpstreamsProperties.Settings settings = new UpstreamsProperties.Settings(null, null, timeout, null,
                retry, new UpstreamsProperties.CircuitBreaker(100f, 1000, 1000, null, null), null);
        UpstreamsProperties properties = new UpstreamsProperties(Map.of(Upstream.POLICE, settings), null);
        return new UpstreamGuards(properties, new SimpleMeterRegistry(), CLOCK, stalls).of(Upstream.POLICE);
    }

    private static WebClientResponseException responseError(int status) {
        return WebClientResponseException.create(HttpStatus.valueOf(status), "failed", new HttpHeaders(), new byte[0],
                StandardCharsets.UTF_8, null);
    }

    private <T> Mono<T> failing(int status, String retryAfter) {
        return Mono.defer(() -> {
            calls.incrementAndGet();
            HttpHeaders headers = new HttpHeaders();
            if (retryAfter != null) {
                headers.set("Retry-After", retryAfter);
            }
            return Mono.error(WebClientResponseException.create(HttpStatus.valueOf(status), "failed", headers,
                    new byte[0], StandardCharsets.UTF_8, null));
        });
    }
}
