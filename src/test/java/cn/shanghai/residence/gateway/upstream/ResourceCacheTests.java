package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import cn.shanghai.residence.gateway.web.RequestDeadline;
import cn.shanghai.residence.gateway.web.RequestTrace;

import static org.assertj.core.api.Assertions.assertThat;

/** A resource's cache is bounded by its part of the memory budget, and by its entry count as a second bound. */
class ResourceCacheTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldStayWithinItsBytesWhateverItIsGiven() {
        long budget = 200_000;
        ResourceCache<String, List<String>> cache = cache(budget, 100_000L);
        List<String> about3Kb = List.of("申请".repeat(200), "x".repeat(800));

        IntStream.range(0, 500).forEach(i -> cache.putAll(Map.of("person-" + i, about3Kb)));
        cache.cleanUp();

        double bytes = gauge("gateway.cache.bytes");
        assertThat(bytes).as("estimated bytes held").isPositive().isLessThanOrEqualTo(budget);
        assertThat(gauge("gateway.cache.entries")).as("entries held").isLessThan(500).isGreaterThan(10);
        assertThat(meters.get("gateway.cache.evictions").functionCounter().count()).isPositive();
        assertThat(gauge("gateway.cache.budget")).isEqualTo(budget);
    }

    @Test
    void shouldKeepNoMoreEntriesThanItsMaximumSizeHoweverSmallTheyAre() {
        ResourceCache<String, String> cache = cache(10_000_000, 10L);

        IntStream.range(0, 100).forEach(i -> cache.putAll(Map.of("person-" + i, "ok")));
        cache.cleanUp();

        assertThat(gauge("gateway.cache.entries")).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldServeABatchStaleWholeOrNotAtAllAndCountOnlyWhatItServes() {
        ResourceCache<String, String> cache = new ResourceCache<>("test", new CacheProperties.Resource(
                Duration.ofSeconds(15), Duration.ofMinutes(30), null, null, null), 1_000_000, CLOCK, meters);
        cache.putAll(Map.of("A", "in transit"));

        assertThat(cache.staleAll(List.of("A", "B"))).as("B was never fetched").isEmpty();
        assertThat(stale()).isZero();
        assertThat(cache.staleAll(List.of("A"))).hasValueSatisfying(served -> assertThat(served.get("A"))
                .isEqualTo(new Fetched<>("in transit", Fetched.Source.STALE, CLOCK.instant())));
        assertThat(stale()).isEqualTo(1);
    }

    @Test
    void shouldEstimateWhatAValueRetainsFromItsJsonLength() {
        String text = "x".repeat(1_000);

        assertThat(RetainedSize.of(List.of(text))).as("[\"x…x\"] is 1004 characters of JSON")
                .isEqualTo(RetainedSize.ENTRY_OVERHEAD + (long) Math.ceil(1_004 * RetainedSize.FACTOR));
        assertThat(RetainedSize.of(null)).isEqualTo(RetainedSize.ENTRY_OVERHEAD);
    }

    @Test
    void shouldSplitTheBudgetByShareBetweenTheCachedResources() {
        CacheProperties properties = new CacheProperties(null, 0.25, Map.of(
                "big", resource(3.0), "small", resource(1.0),
                "uncached", new CacheProperties.Resource(Duration.ZERO, Duration.ZERO, null, null, 5.0)));
        ResourceCaches caches = new ResourceCaches(properties, 400_000_000, CLOCK, meters);

        assertThat(caches.budgetBytes()).as("a quarter of the heap").isEqualTo(100_000_000);
        assertThat(caches.share(properties.resource("big"))).isEqualTo(75_000_000);
        assertThat(caches.share(properties.resource("small"))).isEqualTo(25_000_000);
    }

    private <V> ResourceCache<String, V> cache(long budget, Long maximumSize) {
        return new ResourceCache<>("test", new CacheProperties.Resource(Duration.ofHours(1), Duration.ZERO, null,
                maximumSize, null), budget, CLOCK, meters);
    }

    private static CacheProperties.Resource resource(double share) {
        return new CacheProperties.Resource(Duration.ofMinutes(5), Duration.ZERO, null, null, share);
    }

    private double stale() {
        return meters.get("gateway.cache.requests").tags("resource", "test", "result", "stale").counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).tag("resource", "test").gauge().value();
    }

    /**
     * Issue 15, item 7: concurrent callers share one load, but each waits for it within its own deadline, and the
     * load runs with no caller's deadline or request id: the first caller running out of time fails alone.
     */
    @Test
    void shouldLetEachCallerWaitForASharedLoadWithinItsOwnDeadline() {
        ResourceCache<String, String> cache = new ResourceCache<>("test", new CacheProperties.Resource(
                Duration.ofSeconds(15), Duration.ZERO, null, null, null), 1_000_000, CLOCK, meters);
        Sinks.One<String> upstream = Sinks.one();
        List<ContextView> loads = new CopyOnWriteArrayList<>();
        Function<String, Mono<String>> guardedRead = key -> Mono.deferContextual(context -> {
            loads.add(context);
            return CallerDeadline.bound(upstream.asMono(), CLOCK);
        });
        List<ResourceCache.Result> results = new CopyOnWriteArrayList<>();

        StepVerifier.create(cache.get("APL-1", guardedRead, results::add)
                        .contextWrite(caller("request-A", Duration.ofMillis(1))))
                .expectError(TimeoutException.class)
                .verify();
        StepVerifier.create(cache.get("APL-1", guardedRead, results::add)
                        .contextWrite(caller("request-B", Duration.ofHours(1))))
                .then(() -> upstream.tryEmitValue("approved"))
                .assertNext(fetched -> assertThat(fetched.value()).isEqualTo("approved"))
                .verifyComplete();

        assertThat(loads).as("one load, shared").singleElement().satisfies(load -> {
            assertThat(load.hasKey(RequestDeadline.class)).as("no caller's deadline").isFalse();
            assertThat(load.get(RequestTrace.class).requestId()).isNotIn("request-A", "request-B");
        });
        assertThat(results).containsExactly(ResourceCache.Result.MISS, ResourceCache.Result.JOINED);
    }

    private static Function<Context, Context> caller(String requestId, Duration deadline) {
        return context -> context.put(RequestTrace.class, new RequestTrace(requestId))
                .put(RequestDeadline.class, new RequestDeadline(CLOCK.instant().plus(deadline)));
    }
}
