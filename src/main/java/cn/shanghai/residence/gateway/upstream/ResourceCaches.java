package cn.shanghai.residence.gateway.upstream;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Creates each resource's cache from its configured settings, so no service hard-codes a TTL. */
public final class ResourceCaches {

    private final CacheProperties properties;

    ResourceCaches(CacheProperties properties) {
        this.properties = properties;
    }

    public <K, V> ResourceCache<K, V> create(String resource) {
        CacheProperties.Resource settings = properties.resource(resource);
        if (settings.ttl().isZero() || settings.ttl().isNegative()) {
            return new ResourceCache<>(null);
        }
        return new ResourceCache<>(Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumSize(settings.maximumSize())
                .<K, V>buildAsync());
    }
}
