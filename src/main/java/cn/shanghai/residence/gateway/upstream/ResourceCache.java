package cn.shanghai.residence.gateway.upstream;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A Caffeine cache of one upstream resource. Concurrent misses for one key share a single upstream call, and a
 * failed load is never cached. Keys of personal resources must contain the person.
 */
public final class ResourceCache<K, V> {

    private final @Nullable AsyncCache<K, V> cache;

    ResourceCache(@Nullable AsyncCache<K, V> cache) {
        this.cache = cache;
    }

    public Mono<V> get(K key, Function<K, Mono<V>> loader) {
        if (cache == null) {
            return loader.apply(key);
        }
        return Mono.deferContextual(context -> Mono.fromFuture(
                () -> cache.get(key, (k, executor) -> loader.apply(k).contextWrite(context).toFuture()), true));
    }

    /** Drops every entry, e.g. in tests that need a cold start. */
    public void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }
}
