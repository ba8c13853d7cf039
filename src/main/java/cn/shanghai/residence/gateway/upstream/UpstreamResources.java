package cn.shanghai.residence.gateway.upstream;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Creates {@link UpstreamResource}s, {@link UpstreamBulkResource}s and guarded writes, wired to the shared caches,
 * guards and contract check.
 */
public final class UpstreamResources {

    private final ResourceCaches caches;
    private final UpstreamGuards guards;
    private final ContractCheck contract;
    private final UpstreamSpans spans;

    UpstreamResources(ResourceCaches caches, UpstreamGuards guards, ContractCheck contract, UpstreamSpans spans) {
        this.spans = spans;
        this.caches = caches;
        this.guards = guards;
        this.contract = contract;
    }

    /**
     * A resource of one person's data, keyed by the person id (the access audit names that person).
     *
     * @param name the resource's name, also its cache's configuration key ({@code gateway.cache.resources.<name>})
     * @param read the client call; an HTTP 404 with a JSON body is taken as "none" (an empty Mono)
     */
    public <V> UpstreamResource<String, V> create(Upstream upstream, String name, Function<String, Mono<V>> read) {
        return create(upstream, name, read, (personId, value) -> DataOwner.person(personId));
    }

    /** A resource read by its own id (an application): the access audit names the owner its value gives. */
    public <K, V> UpstreamResource<K, V> createOwned(Upstream upstream, String name,
            Function<K, Mono<V>> read, Function<V, DataOwner> ownerOf) {
        return create(upstream, name, read, (id, value) -> value == null ? null : ownerOf.apply(value));
    }

    /** A resource of public data (the service centres): not audited. */
    public <K, V> UpstreamResource<K, V> createPublic(Upstream upstream, String name, Function<K, Mono<V>> read) {
        return create(upstream, name, read, (key, value) -> null);
    }

    private <K, V> UpstreamResource<K, V> create(Upstream upstream, String name, Function<K, Mono<V>> read,
            BiFunction<K, @Nullable V, @Nullable DataOwner> owner) {
        return new UpstreamResource<>(upstream, name, read, caches.<K, V>create(name), guards.of(upstream), contract,
                owner, spans);
    }

    /**
     * A write (a POST with an idempotency key) of {@code personId}'s data: guarded but never retried, and not
     * classified, so the caller can tell a business refusal (4xx) from an unknown outcome. The access audit records
     * the attempt, whatever its outcome.
     */
    public <T> Mono<T> write(Upstream upstream, String name, String personId, Mono<T> call) {
        return Mono.deferContextual(context -> {
            PersonalDataAccess.record(context, upstream, name, DataOwner.person(personId));
            return guards.of(upstream).write(name, () -> call.map(contract::check));
        });
    }

    /**
     * A resource read in bulk by id (see {@link UpstreamBulkResource}).
     *
     * @param name      the resource's name, also its cache's configuration key
     * @param batchSize ids the upstream accepts per call
     * @param read      the client call for one batch of ids
     * @param idOf      the id of a value the upstream answered
     */
    public <V> UpstreamBulkResource<V> bulk(Upstream upstream, String name, int batchSize,
            Function<List<String>, Mono<List<V>>> read, Function<V, String> idOf) {
        return new UpstreamBulkResource<>(upstream, name, batchSize, read, idOf, caches.<String, V>create(name),
                guards.of(upstream), contract);
    }
}
