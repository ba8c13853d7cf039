package cn.shanghai.residence.gateway.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The upstream reads of one GraphQL request, each started at most once: when several fields need the same
 * resource (the journey, the reminders and the field itself all need the permit), they share one call. It also
 * collects the request's {@link Freshness}. It travels in the Reactor context of the request (put there once, by
 * {@link FreshnessInterceptor}), so no method passes it along; a read without one fails instead of silently
 * starting a memo of its own, which would drop the request's freshness.
 */
public final class RequestMemo {

    private final Map<Key, Mono<?>> reads = new ConcurrentHashMap<>();
    private final Freshness freshness = new Freshness();

    private record Key(String resource, Object id) {
    }

    /** The memo of the request being served. */
    public static Mono<RequestMemo> current() {
        return Mono.deferContextual(context -> context.<RequestMemo>getOrEmpty(RequestMemo.class)
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new IllegalStateException(
                        "No RequestMemo in the Reactor context: reads run inside a GraphQL request, "
                                + "or inside RequestMemo.within(...)"))));
    }

    /** Runs {@code work} with a memo of its own: for reads outside a GraphQL request (a poller, say). */
    public static <T> Mono<T> within(Mono<T> work) {
        RequestMemo memo = new RequestMemo();
        return work.contextWrite(memo::addTo);
    }

    /** The Reactor context with this memo in it. */
    public Context addTo(Context context) {
        return context.put(RequestMemo.class, this);
    }

    /** The shared read of {@code resource} for {@code id}; {@code read} runs only the first time it is asked. */
    @SuppressWarnings("unchecked")
    <V> Mono<V> once(String resource, Object id, Supplier<Mono<V>> read) {
        return (Mono<V>) reads.computeIfAbsent(new Key(resource, id), key -> Mono.defer(read).cache());
    }

    /**
     * The shared reads of many ids of one bulk resource: ids asked before in this request share their first read,
     * the others are read together by one call of {@code readMissing} (whatever fields ask for them later).
     */
    @SuppressWarnings("unchecked")
    synchronized <V> Map<String, Mono<Optional<V>>> onceEach(String resource, Collection<String> ids,
            Function<List<String>, Mono<Map<String, V>>> readMissing) {
        Map<String, Mono<Optional<V>>> each = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Mono<?> known = reads.get(new Key(resource, id));
            if (known == null) {
                missing.add(id);
            } else {
                each.put(id, (Mono<Optional<V>>) known);
            }
        }
        if (!missing.isEmpty()) {
            List<String> batch = List.copyOf(missing);
            Mono<Map<String, V>> read = Mono.defer(() -> readMissing.apply(batch)).cache();
            for (String id : batch) {
                Mono<Optional<V>> one = read.map(found -> Optional.ofNullable(found.get(id)));
                reads.put(new Key(resource, id), one);
                each.put(id, one);
            }
        }
        return each;
    }

    /**
     * Forgets the reads so far: a subscription renders each event as a request of its own, so an event never shows
     * what an earlier event of the same stream read.
     */
    public void forget() {
        reads.clear();
    }

    public Freshness freshness() {
        return freshness;
    }
}
