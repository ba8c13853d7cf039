package cn.shanghai.residence.gateway.upstream;

import java.util.List;
import java.util.function.Function;

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
     * @param name the resource's name, also its cache's configuration key ({@code gateway.cache.resources.<name>})
     * @param read the client call; an HTTP 404 with a JSON body is taken as "none" (an empty Mono)
     */
    public <K, V> UpstreamResource<K, V> create(Upstream upstream, String name, Function<K, Mono<V>> read) {
        return new UpstreamResource<>(upstream, name, read, caches.<K, V>create(name), guards.of(upstream), contract,
                spans);
    }

    /**
     * A write (a POST with an idempotency key): guarded but never retried, and not classified, so the caller can
     * tell a business refusal (4xx) from an unknown outcome.
     */
    public <T> Mono<T> write(Upstream upstream, String name, Mono<T> call) {
        return guards.of(upstream).write(name, () -> call.map(contract::check));
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
