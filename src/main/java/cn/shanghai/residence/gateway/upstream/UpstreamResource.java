package cn.shanghai.residence.gateway.upstream;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * One readable resource of an upstream (e.g. police's residence permit of a person), and the one path every read
 * of it takes: the request memo, the cache, then the client, with failures classified. Services declare their
 * resources with this instead of repeating that path per upstream.
 *
 * @param <K> what identifies one value (a person id, a set of tracking numbers)
 * @param <V> the value as the upstream returns it
 */
public final class UpstreamResource<K, V> {

    private final Upstream upstream;
    private final String name;
    private final Function<K, Mono<V>> read;
    private final ResourceCache<K, V> cache;

    private UpstreamResource(Upstream upstream, String name, Function<K, Mono<V>> read, ResourceCache<K, V> cache) {
        this.upstream = upstream;
        this.name = name;
        this.read = read;
        this.cache = cache;
    }

    /**
     * @param name the resource's name, also its cache's configuration key ({@code gateway.cache.resources.<name>})
     * @param read the client call; an HTTP 404 with a JSON body is taken as "none" (an empty Mono), as the
     *             contracts define it; any other 404 (a wrong base path, say) is a failure
     */
    public static <K, V> UpstreamResource<K, V> of(Upstream upstream, String name, Function<K, Mono<V>> read,
            ResourceCaches caches) {
        return new UpstreamResource<>(upstream, name, read, caches.create(name));
    }

    /** The value for {@code key}, read at most once per request. */
    public Mono<V> get(RequestMemo memo, K key) {
        return memo.once(name, key, () -> fetch(key));
    }

    /** The value for {@code key} without a request memo (outside GraphQL). */
    public Mono<V> fetch(K key) {
        return cache.get(key, k -> read.apply(k)
                .onErrorResume(UpstreamResource::meansNone, notFound -> Mono.empty())
                .onErrorMap(error -> UpstreamFailures.classify(upstream, error)));
    }

    /** A call outside any resource (bulk look-ups), with failures classified the same way. */
    public static <T> Mono<T> call(Upstream upstream, Mono<T> call) {
        return call.onErrorMap(error -> UpstreamFailures.classify(upstream, error));
    }

    private static boolean meansNone(Throwable error) {
        if (!(error instanceof WebClientResponseException.NotFound notFound)) {
            return false;
        }
        MediaType type = notFound.getHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
    }

    /** Forgets cached values, e.g. after the person's own mutation. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    public String name() {
        return name;
    }
}
