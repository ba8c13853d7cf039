package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The upstream caches under {@code gateway.cache}: one memory budget for all of them, split between the resources
 * by their shares, and each resource's times. The defaults here are for a resource nobody configured (not
 * cached); each resource's own times are in {@code application.yml}.
 *
 * @param maxMemory    the memory all upstream caches may hold together, estimated from what they retain;
 *                     unset: {@code heapFraction} of the maximum heap
 * @param heapFraction the budget as a fraction of the maximum heap, when {@code maxMemory} is not set
 * @param resources    per-resource settings
 */
@ConfigurationProperties("gateway.cache")
public record CacheProperties(@Nullable DataSize maxMemory, Double heapFraction, Map<String, Resource> resources) {

    public CacheProperties {
        heapFraction = heapFraction == null ? 0.25 : heapFraction;
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    /** Settings of one resource; a resource nobody configured is neither cached nor served stale. */
    public Resource resource(String name) {
        Resource resource = resources.get(name);
        return resource == null ? Resource.DEFAULTS : resource;
    }

    /** The budget in bytes for a JVM whose maximum heap is {@code maxHeapBytes}. */
    public long budgetBytes(long maxHeapBytes) {
        return maxMemory != null ? maxMemory.toBytes() : (long) (maxHeapBytes * heapFraction);
    }

    /**
     * @param ttl          how long an entry is served without asking the upstream; zero: always ask
     * @param staleIfError how much longer than {@code ttl} an entry may be served when the upstream fails
     * @param refreshAhead how long before expiry a hit also refreshes the entry in the background; zero: never
     * @param maximumSize  entries kept at most (persons × keys), a second bound beside the memory share
     * @param memoryShare  this resource's part of the memory budget, relative to the other cached resources' shares
     */
    public record Resource(Duration ttl, Duration staleIfError,
            Duration refreshAhead, Long maximumSize, Double memoryShare) {

        static final Resource DEFAULTS = new Resource(null, null, null, null, null);

        public Resource {
            ttl = ttl == null ? Duration.ZERO : ttl;
            staleIfError = staleIfError == null ? Duration.ZERO : staleIfError;
            refreshAhead = refreshAhead == null ? Duration.ZERO : refreshAhead;
            maximumSize = maximumSize == null ? 100_000L : maximumSize;
            memoryShare = memoryShare == null ? 1.0 : memoryShare;
        }

        /** Whether entries are kept at all. */
        public boolean cached() {
            return ttl.plus(staleIfError).compareTo(Duration.ZERO) > 0;
        }
    }
}
