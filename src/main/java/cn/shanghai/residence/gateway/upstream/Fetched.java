package cn.shanghai.residence.gateway.upstream;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A value read from an upstream with where it came from and as of when, so responses can say how fresh they are.
 *
 * @param value  the value, or null when the upstream holds none (its 404)
 * @param source live, from cache, or stale (from cache because the upstream failed)
 * @param asOf   when the upstream answered with this value
 */
public record Fetched<V>(@Nullable V value, Source source, Instant asOf) {

    /** Where a value came from; declared from best to worst. */
    public enum Source { LIVE, CACHE, STALE }
}
