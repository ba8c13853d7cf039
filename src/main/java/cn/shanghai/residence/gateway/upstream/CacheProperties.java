package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-resource cache settings under {@code gateway.cache.resources.<resource>}. The defaults here are for a
 * resource nobody configured; each resource's own TTLs are in {@code application.yml}.
 */
@ConfigurationProperties("gateway.cache")
public record CacheProperties(Map<String, Resource> resources) {

    public CacheProperties {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    /** Settings of one resource; a resource nobody configured is neither cached nor served stale. */
    public Resource resource(String name) {
        Resource resource = resources.get(name);
        return resource == null ? new Resource(null, null, null, null) : resource;
    }

    /**
     * @param ttl          how long an entry is served without asking the upstream; zero: always ask
     * @param staleIfError how much longer than {@code ttl} an entry may be served when the upstream fails
     * @param refreshAhead how long before expiry a hit also refreshes the entry in the background; zero: never
     * @param maximumSize  entries kept at most (persons × keys)
     */
    public record Resource(Duration ttl, Duration staleIfError, Duration refreshAhead, Long maximumSize) {
        public Resource {
            ttl = ttl == null ? Duration.ZERO : ttl;
            staleIfError = staleIfError == null ? Duration.ZERO : staleIfError;
            refreshAhead = refreshAhead == null ? Duration.ZERO : refreshAhead;
            maximumSize = maximumSize == null ? 100_000L : maximumSize;
        }
    }
}
