package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The Caffeine cache of one upstream resource, with freshness: entries younger than the TTL are served from cache
 * (and refreshed in the background shortly before they expire); older ones are fetched live, and when that fails
 * an entry still inside the stale-if-error window is served, marked STALE. Concurrent misses for one key share a
 * single upstream call, which runs with no caller's deadline or request id (each caller waits within its own
 * deadline); failures are never cached. Keys of personal resources must contain the person.
 */
public final class ResourceCache<K, V> {

    private record Entry<V>(@Nullable V value, Instant fetchedAt, int weight) {

        static <V> Entry<V> of(@Nullable V value, Instant fetchedAt, long minimumWeight) {
            return new Entry<>(value, fetchedAt, (int) Math.min(Integer.MAX_VALUE,
                    Math.max(minimumWeight, RetainedSize.of(value))));
        }
    }

    private final @Nullable Cache<K, Entry<V>> entries;
    private final Map<K, Mono<Entry<V>>> inFlight = new ConcurrentHashMap<>();
    private final CacheProperties.Resource settings;
    private final long minimumWeight;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter staleServed;

    /**
     * @param budgetBytes the memory this resource's entries may retain; every entry weighs at least
     *                    {@code budgetBytes / maximumSize}, so the entry count stays bounded too
     */
    ResourceCache(String resource, CacheProperties.Resource settings, long budgetBytes, Clock clock,
            MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.minimumWeight = Math.max(1, budgetBytes / Math.max(1, settings.maximumSize()));
        this.entries = !settings.cached() ? null : Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl().plus(settings.staleIfError()))
                .maximumWeight(budgetBytes)
                .weigher((K key, Entry<V> entry) -> entry.weight())
                .recordStats()
                .build();
        this.hits = counter(meters, resource, "hit");
        this.misses = counter(meters, resource, "miss");
        this.staleServed = counter(meters, resource, "stale");
        if (entries != null) {
            gauges(resource, budgetBytes, entries, meters);
        }
    }

    /** What the cache holds and gives up, per resource: bytes (estimated), entries, budget and evictions. */
    private static void gauges(String resource, long budgetBytes, Cache<?, ?> entries, MeterRegistry meters) {
        Gauge.builder("gateway.cache.bytes", entries,
                        cache -> cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L))
                .description("Estimated heap retained by a resource's cache entries").baseUnit("bytes")
                .tag("resource", resource).register(meters);
        Gauge.builder("gateway.cache.budget", () -> budgetBytes)
                .description("The part of the cache memory budget a resource may use").baseUnit("bytes")
                .tag("resource", resource).register(meters);
        Gauge.builder("gateway.cache.entries", entries, Cache::estimatedSize)
                .description("Entries in a resource's cache").tag("resource", resource).register(meters);
        FunctionCounter.builder("gateway.cache.evictions", entries, cache -> cache.stats().evictionCount())
                .description("Entries evicted to stay within the budget or the entry limit")
                .tag("resource", resource).register(meters);
    }

    private static Counter counter(MeterRegistry meters, String resource, String result) {
        return Counter.builder("gateway.cache.requests")
                .description("Cache look-ups per upstream resource: hit, miss, or stale served after an upstream failure")
                .tag("resource", resource)
                .tag("result", result)
                .register(meters);
    }

    /** How one caller's look-up was answered, for its span: never more than these words. */
    public enum Result {
        HIT, MISS, JOINED, STALE;

        /** The word for a trace attribute. */
        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The value for {@code key}: from cache, or from a load that concurrent callers share. The shared load runs
     * with no caller's deadline or request id; each caller waits for it within its own deadline.
     */
    public Mono<Fetched<V>> get(K key, Function<K, Mono<V>> loader, Consumer<Result> result) {
        Entry<V> cached = entries == null ? null : entries.getIfPresent(key);
        if (cached != null && age(cached).compareTo(settings.ttl()) < 0) {
            hits.increment();
            result.accept(Result.HIT);
            if (!settings.refreshAhead().isZero()
                    && age(cached).compareTo(settings.ttl().minus(settings.refreshAhead())) >= 0) {
                return Mono.deferContextual(context -> {
                    load(key, loader, joined -> { }).contextWrite(context).subscribe(entry -> { }, error -> { });
                    return Mono.just(new Fetched<>(cached.value(), Fetched.Source.CACHE, cached.fetchedAt()));
                });
            }
            return Mono.just(new Fetched<>(cached.value(), Fetched.Source.CACHE, cached.fetchedAt()));
        }
        misses.increment();
        return Mono.defer(() -> CallerDeadline.bound(
                        load(key, loader, joined -> result.accept(joined ? Result.JOINED : Result.MISS)), clock))
                .map(entry -> new Fetched<>(entry.value(), Fetched.Source.LIVE, entry.fetchedAt()))
                .onErrorResume(error -> {
                    Entry<V> stale = entries == null ? null : entries.getIfPresent(key);
                    if (stale == null || age(stale).compareTo(settings.ttl().plus(settings.staleIfError())) >= 0) {
                        return Mono.error(error);
                    }
                    staleServed.increment();
                    result.accept(Result.STALE);
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

    /**
     * After a failed bulk call: the entries of every key, if each may still be served (inside stale-if-error),
     * counted as stale served; empty, and counted as nothing, as soon as one of them may not.
     */
    public Optional<Map<K, Fetched<V>>> staleAll(Collection<K> keys) {
        Map<K, Fetched<V>> served = new HashMap<>();
        for (K key : keys) {
            Entry<V> cached = entries == null ? null : entries.getIfPresent(key);
            if (cached == null || age(cached).compareTo(settings.ttl().plus(settings.staleIfError())) >= 0) {
                return Optional.empty();
            }
            served.put(key, new Fetched<>(cached.value(), Fetched.Source.STALE, cached.fetchedAt()));
        }
        staleServed.increment(served.size());
        return Optional.of(served);
    }

    /** Stores values a bulk look-up fetched; answers when they were fetched. */
    public Instant putAll(Map<K, V> values) {
        Instant now = clock.instant();
        if (entries != null) {
            values.forEach((key, value) -> entries.put(key, Entry.of(value, now, minimumWeight)));
        }
        return now;
    }

    /** The load of {@code key} in flight, started now if there is none; {@code joined} says which. */
    private Mono<Entry<V>> load(K key, Function<K, Mono<V>> loader, Consumer<Boolean> joined) {
        boolean[] started = {false};
        Mono<Entry<V>> shared = inFlight.computeIfAbsent(key, k -> {
            started[0] = true;
            AtomicReference<Mono<Entry<V>>> self = new AtomicReference<>();
            Mono<Entry<V>> load = loader.apply(k)
                    .map(this::entry)
                    .defaultIfEmpty(entry(null))
                    .doOnNext(entry -> {
                        if (entries != null) {
                            entries.put(k, entry);
                        }
                    })
                    .doFinally(signal -> inFlight.remove(k, self.get()))
                    .contextWrite(CallerDeadline::neutral)
                    .cache();
            self.set(load);
            return load;
        });
        joined.accept(!started[0]);
        return shared;
    }

    /** A value as cached; weighed (one JSON write) only when it will be kept. */
    private Entry<V> entry(@Nullable V value) {
        return entries == null ? new Entry<>(value, clock.instant(), 0)
                : Entry.of(value, clock.instant(), minimumWeight);
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

    /** Runs the cache's pending maintenance (evictions) now: for tests that count what it holds. */
    void cleanUp() {
        if (entries != null) {
            entries.cleanUp();
        }
    }

    /** Forgets every entry. */
    public void invalidateAll() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }
}
