package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.shanghai.residence.gateway.observability.LogCorrelation;
import cn.shanghai.residence.gateway.observability.MetricNames;
import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * The resilience around every call to one upstream, the same mechanism for all four with their own settings:
 * a time limit on each attempt (whole body included), a bulkhead, a circuit breaker, and — for reads only —
 * jittered exponential retries on connect errors, 5xx and 429 (honouring Retry-After up to a cap) within a retry
 * budget; all bounded by the request's deadline, timed per resource and outcome, and traced as one span
 * (outcome, retries) around the HTTP spans of its attempts.
 */
public final class UpstreamGuard {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuard.class);

    private final Upstream upstream;
    private final UpstreamsProperties.Retry retrySettings;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RetryBudget budget;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Stalls stalls;
    private final UpstreamSpans spans;
    /** Held per resource and outcome, so a call's end costs two map look-ups, not a registry's meter id. */
    private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    UpstreamGuard(Upstream upstream, UpstreamsProperties.Settings settings, TimeLimiter timeLimiter,
            Bulkhead bulkhead, CircuitBreaker circuitBreaker, RetryRegistry retries,
            MeterRegistry meters, Clock clock, Stalls stalls, UpstreamSpans spans) {
        this.stalls = stalls;
        this.spans = spans;
        this.upstream = upstream;
        this.retrySettings = settings.retry();
        this.timeLimiter = timeLimiter;
        this.bulkhead = bulkhead;
        this.circuitBreaker = circuitBreaker;
        this.meters = meters;
        this.clock = clock;
        this.budget = new RetryBudget(retrySettings.budgetRatio(), retrySettings.budgetMinimum(),
                retrySettings.budgetWindow(), clock);
        this.retry = retries.retry(upstream.id(), RetryConfig.custom()
                .maxAttempts(Math.max(1, retrySettings.maxAttempts()))
                .intervalBiFunction(backoff())
                .retryOnException(error -> retryable(error) && budget.tryRetry())
                .build());
    }

    /** An idempotent read: retried on transient failures. */
    public <T> Mono<T> read(String resource, Supplier<Mono<T>> call) {
        return spans.observe(UpstreamSpans.CALL, upstream, resource, span -> {
            AtomicInteger attempts = new AtomicInteger();
            return timed(resource, span, attempts, withinDeadline(Mono.defer(() -> {
                budget.recordCall();
                return attempt(call, attempts).transformDeferred(RetryOperator.of(retry));
            })));
        });
    }

    /** A write: never retried here; only the caller may repeat it, with the same idempotency key. */
    public <T> Mono<T> write(String resource, Supplier<Mono<T>> call) {
        return spans.observe(UpstreamSpans.CALL, upstream, resource, span -> {
            AtomicInteger attempts = new AtomicInteger();
            return timed(resource, span, attempts, withinDeadline(attempt(call, attempts)));
        });
    }

    /**
     * One attempt: time-limited, through the bulkhead and the breaker. A timeout while the gateway itself stood
     * still is not the agency's fault, so it reaches the breaker as {@link GatewayStalled}, which it ignores.
     */
    private <T> Mono<T> attempt(Supplier<Mono<T>> call, AtomicInteger attempts) {
        return Mono.defer(() -> {
            attempts.incrementAndGet();
            long started = System.nanoTime();
            return Mono.defer(call)
                    .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                    .onErrorMap(error -> UpstreamFailures.isTimeout(error) && stalls.since(started),
                            GatewayStalled::new)
                    .transformDeferred(BulkheadOperator.of(bulkhead))
                    .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
        });
    }

    /** {@code call}, bounded by the deadline of the request whose context it runs in (none outside a request). */
    <T> Mono<T> withinDeadline(Mono<T> call) {
        return CallerDeadline.bound(call, clock);
    }

    /** Times the call per outcome and tags its span with the outcome and the retries it took. */
    private <T> Mono<T> timed(String resource, Observation span, AtomicInteger attempts, Mono<T> call) {
        return Mono.deferContextual(context -> {
            Timer.Sample sample = Timer.start(meters);
            return call
                    .doOnSuccess(value -> stop(sample, span, attempts, resource, "SUCCESS"))
                    .doOnError(error -> {
                        String outcome = UpstreamFailures.classify(upstream, error).code().name();
                        stop(sample, span, attempts, resource, outcome);
                        LogCorrelation.within(context, () -> log.warn(
                                "Upstream call failed: upstream={} resource={} outcome={} cause={} requestId={}",
                                upstream.id(), resource, outcome, cause(error),
                                context.<RequestTrace>getOrEmpty(RequestTrace.class).map(RequestTrace::requestId)
                                        .orElse("-")));
                    })
                    .doOnCancel(() -> stop(sample, span, attempts, resource, "CANCELLED"));
        });
    }

    /** What failed, without bodies, URLs or messages that may carry personal data. */
    private static String cause(Throwable error) {
        return error instanceof WebClientResponseException response
                ? "HTTP " + response.getStatusCode().value() : error.getClass().getSimpleName();
    }

    private void stop(Timer.Sample sample, Observation span, AtomicInteger attempts, String resource,
            String outcome) {
        span.highCardinalityKeyValue("outcome", outcome)
                .highCardinalityKeyValue("retries", Integer.toString(Math.max(0, attempts.get() - 1)));
        sample.stop(timers.computeIfAbsent(resource, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Timer.builder(MetricNames.UPSTREAM_CALLS)
                        .description("Calls to an upstream resource, retries included, by outcome")
                        .tag("upstream", upstream.id())
                        .tag("resource", resource)
                        .tag("outcome", outcome)
                        .register(meters)));
    }

    /** Connect errors, 5xx and 429 may pass if asked again; everything else will not. */
    static boolean transientFailure(Throwable error) {
        return UpstreamStatus.of(error).map(UpstreamStatus::agencyFault)
                .orElse(error instanceof WebClientRequestException);
    }

    /**
     * What counts against the breaker: the agency failing, not the caller asking for something absent, nor the
     * gateway's own limits (its bulkhead, its connection pool) or its own stalls.
     */
    static boolean upstreamFault(Throwable error) {
        return !ownLimit(error) && UpstreamStatus.of(error).map(UpstreamStatus::agencyFault).orElse(true);
    }

    /** The gateway's own limits or stalls: the breaker ignores these calls, neither failure nor success. */
    static boolean ownLimit(Throwable error) {
        return error instanceof GatewayStalled || error instanceof BulkheadFullException
                || error instanceof CallNotPermittedException || waitedForOwnConnection(error);
    }

    /** No connection of the gateway's own pool became free in time (reactor-netty's pool, shaded, named here). */
    private static boolean waitedForOwnConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the gateway stood still (GC, CPU starvation) since a moment of {@link System#nanoTime()}. */
    interface Stalls {

        Stalls NEVER = startedNanos -> false;

        boolean since(long startedNanos);
    }

    /** A timeout that happened while the gateway itself stood still: typed as a timeout, not held against the agency. */
    static final class GatewayStalled extends TimeoutException {

        GatewayStalled(Throwable timeout) {
            super("the gateway stalled during the call");
            initCause(timeout);
        }
    }

    private boolean retryable(Throwable error) {
        if (!transientFailure(error)) {
            return false;
        }
        Duration retryAfter = retryAfter(error);
        return retryAfter == null || retryAfter.compareTo(retrySettings.retryAfterCap()) <= 0;
    }

    private IntervalBiFunction<Object> backoff() {
        return (attempt, outcome) -> {
            Duration retryAfter = outcome.isLeft() ? retryAfter(outcome.getLeft()) : null;
            if (retryAfter != null) {
                return retryAfter.toMillis();
            }
            double base = retrySettings.initialBackoff().toMillis() * Math.pow(retrySettings.multiplier(), attempt - 1);
            double spread = 1 + retrySettings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
            return Math.max(1L, Math.round(base * spread));
        };
    }

    /** A 429's or 503's {@code Retry-After}, in seconds or as an HTTP date. */
    private Duration retryAfter(Throwable error) {
        if (!(error instanceof WebClientResponseException response)) {
            return null;
        }
        String value = response.getHeaders().getFirst("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** Closes the breaker and refills the retry budget (operators after an incident, tests between cases). */
    public void reset() {
        circuitBreaker.reset();
        budget.reset();
    }
}
