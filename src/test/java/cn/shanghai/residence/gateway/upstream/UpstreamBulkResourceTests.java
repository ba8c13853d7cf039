package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/** The one bulk mechanism: each id read once per request, batched, cached by id, and shared while in flight. */
class UpstreamBulkResourceTests {

    record Parcel(@NotBlank String trackingNo, String status) {
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final Sinks.One<List<Parcel>> answer = Sinks.one();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UpstreamBulkResource<Parcel> parcels = new UpstreamBulkResource<>(Upstream.POSTAL, "parcels", 2,
            numbers -> {
                calls.incrementAndGet();
                return answer.asMono().map(all -> all.stream().filter(p -> numbers.contains(p.trackingNo())).toList());
            },
            Parcel::trackingNo,
            new ResourceCache<>("parcels", new CacheProperties.Resource(Duration.ofMinutes(1), Duration.ZERO, null,
                    null, null), 1_000_000, Clock.systemUTC(), meters),
            new UpstreamGuards(new UpstreamsProperties(Map.of(), null), meters, Clock.systemUTC(),
                    UpstreamGuard.Stalls.NEVER).of(Upstream.POSTAL),
            new ContractCheck(Validation.buildDefaultValidatorFactory().getValidator()));

    @Test
    void shouldLetConcurrentRequestsShareTheCallsForTheSameIds() {
        CompletableFuture<Map<String, Parcel>> first = RequestMemo.within(parcels.getAll(List.of("A", "B"))).toFuture();
        CompletableFuture<Map<String, Parcel>> second = RequestMemo.within(parcels.getAll(List.of("B", "A")))
                .toFuture();

        answer.tryEmitValue(List.of(new Parcel("A", "IN_TRANSIT"), new Parcel("B", "DELIVERED")));

        assertThat(first.join()).containsOnlyKeys("A", "B");
        assertThat(second.join()).isEqualTo(first.join());
        assertThat(calls).as("one call of two ids, joined by the second request").hasValue(1);
    }

    @Test
    void shouldReadEachIdOncePerRequestInBatchesAndThenFromTheCache() {
        answer.tryEmitValue(List.of(new Parcel("A", "IN_TRANSIT"), new Parcel("B", "DELIVERED"),
                new Parcel("C", "CREATED")));

        Map<String, Parcel> found = RequestMemo.within(parcels.getAll(List.of("A", "B", "C", "UNKNOWN"))
                .then(parcels.getAll(List.of("C", "A")))).block();

        assertThat(found).containsOnlyKeys("A", "C");
        assertThat(calls).as("four ids, two a call; the second look-up reads nothing").hasValue(2);
        assertThat(RequestMemo.within(parcels.get("B")).block()).isEqualTo(new Parcel("B", "DELIVERED"));
        assertThat(calls).as("B from the cache in a later request").hasValue(2);
    }

    @Test
    void shouldRefuseToReadOutsideARequest() {
        assertThat(Mono.defer(() -> parcels.getAll(List.of("A"))).onErrorResume(IllegalStateException.class,
                missing -> Mono.just(Map.of("memo", new Parcel("missing", "")))).block()).containsKey("memo");
        assertThat(calls).hasValue(0);
    }
}
