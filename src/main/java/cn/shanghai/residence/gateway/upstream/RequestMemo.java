package cn.shanghai.residence.gateway.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

/**
 * The upstream reads of one GraphQL request, each started at most once: when several fields need the same
 * resource (the journey, the reminders and the field itself all need the permit), they share one call. It also
 * collects the request's {@link Freshness}.
 */
public final class RequestMemo {

    static final String KEY = RequestMemo.class.getName();

    private final Map<Key, Mono<?>> reads = new ConcurrentHashMap<>();
    private final Freshness freshness = new Freshness();

    private record Key(String resource, Object id) {
    }

    /** The memo of the request this GraphQL context belongs to, created on first use. */
    public static RequestMemo of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new RequestMemo());
    }

    /** The shared read of {@code resource} for {@code id}; {@code read} runs only the first time it is asked. */
    @SuppressWarnings("unchecked")
    public <V> Mono<V> once(String resource, Object id, Supplier<Mono<V>> read) {
        return (Mono<V>) reads.computeIfAbsent(new Key(resource, id), key -> Mono.defer(read).cache());
    }

    public Freshness freshness() {
        return freshness;
    }
}
