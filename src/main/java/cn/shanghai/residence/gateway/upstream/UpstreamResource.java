package cn.shanghai.residence.gateway.upstream;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * One readable resource of an upstream (e.g. police's residence permit of a person), and the one path every read
 * of it takes: the request memo, the cache (with stale-if-error), the guard (time limit, bulkhead, breaker,
 * retries), the contract check, failure classification, and the access audit (whose data it read, see
 * {@link PersonalDataAccess}). Services declare their resources with this instead of repeating that path per upstream.
 *
 * @param <K> what identifies one value (a person id, a set of tracking numbers); it must contain the person
 * @param <V> the value as the upstream returns it
 */
public final class UpstreamResource<K, V> {

    private final Upstream upstream;
    private final String name;
    private final Function<K, Mono<V>> read;
    private final ResourceCache<K, V> cache;
    private final UpstreamGuard guard;
    private final ContractCheck contract;
    private final BiFunction<K, @Nullable V, @Nullable DataOwner> owner;
    private final UpstreamSpans spans;

    /** @param owner whose data a read of a key is (given its value, null when none); null for public data */
    UpstreamResource(Upstream upstream, String name, Function<K, Mono<V>> read, ResourceCache<K, V> cache,
            UpstreamGuard guard, ContractCheck contract, BiFunction<K, @Nullable V, @Nullable DataOwner> owner,
            UpstreamSpans spans) {
        this.spans = spans;
        this.upstream = upstream;
        this.name = name;
        this.read = read;
        this.cache = cache;
        this.guard = guard;
        this.contract = contract;
        this.owner = owner;
    }

    /** The value for {@code key}, read at most once per request; its freshness goes into the request's memo. */
    public Mono<V> get(K key) {
        return RequestMemo.current().flatMap(memo -> memo.once(name, key, () -> spans.observe(UpstreamSpans.READ,
                upstream, name, span -> cache.get(key, this::readGuarded,
                                result -> span.highCardinalityKeyValue("cache", result.attribute()))
                        .onErrorMap(error -> UpstreamFailures.classify(upstream, error))
                        .doOnNext(fetched -> memo.freshness().record(upstream, fetched.source(), fetched.asOf()))
                        .flatMap(fetched -> Mono.justOrEmpty(fetched.value())))))
                .doOnEach(signal -> audit(key, signal));
    }

    /** A read that answered (a value, or none) touched its owner's data; a failed one read nothing. */
    private void audit(K key, Signal<V> signal) {
        if (signal.isOnNext() || signal.isOnComplete()) {
            DataOwner whose = owner.apply(key, signal.get());
            if (whose != null) {
                PersonalDataAccess.record(signal.getContextView(), upstream, name, whose);
            }
        }
    }

    private Mono<V> readGuarded(K key) {
        return guard.read(name, () -> read.apply(key)
                .onErrorResume(UpstreamResource::meansNone, notFound -> Mono.empty())
                .map(contract::check));
    }

    /** An HTTP 404 with a JSON body is "none" as the contracts define it; any other 404 is a failure. */
    private static boolean meansNone(Throwable error) {
        if (!(error instanceof WebClientResponseException.NotFound notFound)) {
            return false;
        }
        MediaType type = notFound.getHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
    }

    /** Forgets the cached value of one key, e.g. a person's after their own mutation. */
    public void invalidate(K key) {
        cache.invalidate(key);
    }
}
