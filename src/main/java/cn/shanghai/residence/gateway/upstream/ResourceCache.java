package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The Caffeine cache of one upstream resource, with freshness: entries younger than the TTL are served from cache
 * (and refreshed in the background shortly before they expire); older ones are fetched live, and when that fails
 * an entry still inside the stale-if-error window is served, marked STALE. Concurrent misses for one key share a
 * single upstream call; failures are never cached. Keys of personal resources must contain the person.
 */
public final class ResourceCache<K, V> {

    private record Entry<V>(@Nullable V value, Instant fetchedAt) {
    }

    private final @Nullable Cache<K, Entry<V>> entries;
    private final Map<K, Mono<Entry<V>>> inFlight = new ConcurrentHashMap<>();
    private final CacheProperties.Resource settings;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter staleServed;

    ResourceCache(String resource, CacheProperties.Resource settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        Duration kept = settings.ttl().plus(settings.staleIfError());
        this.entries = kept.isZero() || kept.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(kept).maximumSize(settings.maximumSize()).build();
        this.hits = counter(meters, resource, "hit");
        this.misses = counter(meters, resource, "miss");
        this.staleServed = counter(meters, resource, "stale");
    }

    private static Counter counter(MeterRegistry meters, String resource, String result) {
        return Counter.builder("gateway.cache.requests")
                .description("Cache look-ups per upstream resource: hit, miss, or stale served after an upstream failure")
                .tag("resource", resource)
                .tag("result", result)
                .register(meters);
    }

    public Mono<Fetched<V>> get(K key, Function<K, Mono<V>> loader) {
        Entry<V> cached = entries == null ? null : entries.getIfPresent(key);
        if (cached != null && age(cached).compareTo(settings.ttl()) < 0) {
            hits.increment();
            if (!settings.refreshAhead().isZero()
                    && age(cached).compareTo(settings.ttl().minus(settings.refreshAhead())) >= 0) {
                return Mono.deferContextual(context -> {
                    load(key, loader).contextWrite(context).subscribe(entry -> { }, error -> { });
                    return Mono.just(new Fetched<>(cached.value(), Fetched.Source.CACHE, cached.fetchedAt()));
                });
            }
            return Mono.just(new Fetched<>(cached.value(), Fetched.Source.CACHE, cached.fetchedAt()));
        }
        misses.increment();
        return load(key, loader)
                .map(entry -> new Fetched<>(entry.value(), Fetched.Source.LIVE, entry.fetchedAt()))
                .onErrorResume(error -> {
                    Entry<V> stale = entries == null ? null : entries.getIfPresent(key);
                    if (stale == null || age(stale).compareTo(settings.ttl().plus(settings.staleIfError())) >= 0) {
                        return Mono.error(error);
                    }
                    staleServed.increment();
                    return Mono.just(new Fetched<>(stale.value(), Fetched.Source.STALE, stale.fetchedAt()));
                });
    }

    /** The entry for {@code key} if it is within its TTL, without asking the upstream (for bulk look-ups). */
    public Optional<Fetched<V>> fresh(K key) {
        Entry<V> cached = entries == null ? null : entries.getIfPresent(key);
        if (cached == null || age(cached).compareTo(settings.ttl()) >= 0) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(new Fetched<>(cached.value(), Fetched.Source.CACHE, cached.fetchedAt()));
    }

    /** The entry for {@code key} if it may still be served after an upstream failure, counted as stale served. */
    public Optional<Fetched<V>> stale(K key) {
        Entry<V> cached = entries == null ? null : entries.getIfPresent(key);
        if (cached == null || age(cached).compareTo(settings.ttl().plus(settings.staleIfError())) >= 0) {
            return Optional.empty();
        }
        staleServed.increment();
        return Optional.of(new Fetched<>(cached.value(), Fetched.Source.STALE, cached.fetchedAt()));
    }

    /** Stores values a bulk look-up fetched; answers when they were fetched. */
    public Instant putAll(Map<K, V> values) {
        Instant now = clock.instant();
        if (entries != null) {
            values.forEach((key, value) -> entries.put(key, new Entry<>(value, now)));
        }
        return now;
    }

    private Mono<Entry<V>> load(K key, Function<K, Mono<V>> loader) {
        return inFlight.computeIfAbsent(key, k -> loader.apply(k)
                .map(value -> new Entry<>(value, clock.instant()))
                .defaultIfEmpty(new Entry<>(null, clock.instant()))
                .doOnNext(entry -> {
                    if (entries != null) {
                        entries.put(k, entry);
                    }
                })
                .doFinally(signal -> inFlight.remove(k))
                .cache());
    }

    private Duration age(Entry<V> entry) {
        return Duration.between(entry.fetchedAt(), clock.instant());
    }

    /** Forgets one key, e.g. a person's entries after their own mutation. */
    public void invalidate(K key) {
        if (entries != null) {
            entries.invalidate(key);
        }
    }

    /** Forgets every entry. */
    public void invalidateAll() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }
}
