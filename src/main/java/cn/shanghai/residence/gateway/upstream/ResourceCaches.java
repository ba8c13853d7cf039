package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;

/** Creates each resource's cache from its configured settings, so no service hard-codes a TTL. */
public final class ResourceCaches {

    private final CacheProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<ResourceCache<?, ?>> created = new CopyOnWriteArrayList<>();

    ResourceCaches(CacheProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    public <K, V> ResourceCache<K, V> create(String resource) {
        ResourceCache<K, V> cache = new ResourceCache<>(resource, properties.resource(resource), clock, meters);
        created.add(cache);
        return cache;
    }

    /** Empties every cache: for operators after a data fix, and for tests that need a cold start. */
    public void invalidateAll() {
        created.forEach(ResourceCache::invalidateAll);
    }
}
