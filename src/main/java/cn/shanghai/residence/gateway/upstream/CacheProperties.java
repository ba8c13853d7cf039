package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Per-resource cache settings under {@code gateway.cache.resources.<resource>}. */
@ConfigurationProperties("gateway.cache")
public record CacheProperties(Map<String, Resource> resources) {

    public CacheProperties {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    /** Settings of one resource; a resource nobody configured is not cached (ttl zero). */
    public Resource resource(String name) {
        Resource resource = resources.get(name);
        return resource == null ? new Resource(Duration.ZERO, null) : resource;
    }

    /**
     * @param ttl         how long an entry is served without asking the upstream; zero disables the cache
     * @param maximumSize entries kept at most (persons × keys)
     */
    public record Resource(Duration ttl, Long maximumSize) {
        public Resource {
            ttl = ttl == null ? Duration.ZERO : ttl;
            maximumSize = maximumSize == null ? 10_000L : maximumSize;
        }
    }
}
