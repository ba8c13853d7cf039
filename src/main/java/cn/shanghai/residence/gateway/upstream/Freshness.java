package cn.shanghai.residence.gateway.upstream;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one request's data from each upstream was: live, cached or stale, and as of when. Reported in the
 * response's {@code extensions.freshness}; per upstream the worst source and the oldest time win.
 */
public final class Freshness {

    private final Map<Upstream, Fetched.Source> sources = new EnumMap<>(Upstream.class);
    private final Map<Upstream, Instant> asOf = new EnumMap<>(Upstream.class);

    public synchronized void record(Upstream upstream, Fetched.Source source, Instant when) {
        sources.merge(upstream, source, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        asOf.merge(upstream, when, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** The upstreams whose data was served stale (they failed and the cache answered). */
    public synchronized java.util.Set<Upstream> stale() {
        java.util.Set<Upstream> stale = java.util.EnumSet.noneOf(Upstream.class);
        sources.forEach((upstream, source) -> {
            if (source == Fetched.Source.STALE) {
                stale.add(upstream);
            }
        });
        return stale;
    }

    /** {@code {"police": {"source": "CACHE", "asOf": "2026-11-29T10:00:00Z"}, ...}}; empty when nothing was read. */
    public synchronized Map<String, Object> toExtension() {
        Map<String, Object> extension = new LinkedHashMap<>();
        sources.forEach((upstream, source) -> extension.put(upstream.id(),
                Map.of("source", source.name(), "asOf", asOf.get(upstream).toString())));
        return extension;
    }
}
