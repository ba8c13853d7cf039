package cn.shanghai.residence.gateway.upstream;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/** Creates {@link UpstreamResource}s and guarded one-off calls, wired to the shared caches, guards and contract. */
public final class UpstreamResources {

    private final ResourceCaches caches;
    private final UpstreamGuards guards;
    private final ContractCheck contract;

    UpstreamResources(ResourceCaches caches, UpstreamGuards guards, ContractCheck contract) {
        this.caches = caches;
        this.guards = guards;
        this.contract = contract;
    }

    /**
     * @param name the resource's name, also its cache's configuration key ({@code gateway.cache.resources.<name>})
     * @param read the client call; an HTTP 404 with a JSON body is taken as "none" (an empty Mono)
     */
    public <K, V> UpstreamResource<K, V> create(Upstream upstream, String name, Function<K, Mono<V>> read) {
        return new UpstreamResource<>(upstream, name, read, caches.<K, V>create(name), guards.of(upstream), contract);
    }

    /**
     * A write (a POST with an idempotency key): guarded but never retried, and not classified, so the caller can
     * tell a business refusal (4xx) from an unknown outcome.
     */
    public <T> Mono<T> write(Upstream upstream, String name, Mono<T> call) {
        return guards.of(upstream).write(name, () -> call.map(contract::check));
    }

    /** A cache for values a bulk read fetches by id (configured like any resource). */
    public <K, V> ResourceCache<K, V> cache(String name) {
        return caches.create(name);
    }

    /** An uncached, idempotent bulk read (e.g. bdc's batchGet): guarded, checked and classified like the rest. */
    public <T> Mono<T> read(Upstream upstream, String name, Mono<T> call) {
        return guards.of(upstream).read(name, () -> call.map(contract::check))
                .onErrorMap(error -> UpstreamFailures.classify(upstream, error));
    }
}
