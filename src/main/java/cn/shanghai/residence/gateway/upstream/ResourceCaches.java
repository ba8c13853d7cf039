package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Creates each resource's cache from its configured settings, so no service hard-codes a TTL, and splits the one
 * memory budget of all upstream caches between the cached resources by their shares: bounded in bytes, a busy
 * morning of distinct residents evicts entries instead of filling the heap.
 */
public final class ResourceCaches {

    private final CacheProperties properties;
    private final long budgetBytes;
    private final double totalShares;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<ResourceCache<?, ?>> created = new CopyOnWriteArrayList<>();

    ResourceCaches(CacheProperties properties, long maxHeapBytes, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.budgetBytes = properties.budgetBytes(maxHeapBytes);
        this.totalShares = properties.resources().values().stream().filter(CacheProperties.Resource::cached)
                .mapToDouble(CacheProperties.Resource::memoryShare).sum();
        this.clock = clock;
        this.meters = meters;
    }

    public <K, V> ResourceCache<K, V> create(String resource) {
        CacheProperties.Resource settings = properties.resource(resource);
        ResourceCache<K, V> cache = new ResourceCache<>(resource, settings, share(settings), clock, meters);
        created.add(cache);
        return cache;
    }

    /** A resource's part of the budget: its share of the shares of every cached resource. */
    long share(CacheProperties.Resource settings) {
        return totalShares <= 0 ? 0 : (long) (budgetBytes * settings.memoryShare() / totalShares);
    }

    /** The memory all upstream caches may hold together. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Empties every cache: for operators after a data fix, and for tests that need a cold start. */
    public void invalidateAll() {
        created.forEach(ResourceCache::invalidateAll);
    }
}
