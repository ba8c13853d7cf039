package cn.shanghai.residence.gateway.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A resource an upstream reads in bulk (bdc's licences by id, EMS's parcels by tracking number) and the one path
 * such reads take: each id is read at most once per request however many fields ask (the request memo), then
 * from its own cache entry, and the rest with one guarded call per {@code batchSize} ids, in parallel, instead of
 * one call per id. When a call fails, ids whose entries are still inside their stale-if-error window are served
 * STALE. Ids the upstream does not know are absent from the answer.
 *
 * @param <V> the value as the upstream returns it; {@code idOf} names its id
 */
public final class UpstreamBulkResource<V> {

    private final Upstream upstream;
    private final String name;
    private final int batchSize;
    private final Function<List<String>, Mono<List<V>>> read;
    private final Function<V, String> idOf;
    private final ResourceCache<String, V> cache;
    private final UpstreamGuard guard;
    private final ContractCheck contract;

    UpstreamBulkResource(Upstream upstream, String name, int batchSize, Function<List<String>, Mono<List<V>>> read,
            Function<V, String> idOf, ResourceCache<String, V> cache, UpstreamGuard guard, ContractCheck contract) {
        this.upstream = upstream;
        this.name = name;
        this.batchSize = batchSize;
        this.read = read;
        this.idOf = idOf;
        this.cache = cache;
        this.guard = guard;
        this.contract = contract;
    }

    /** The values of {@code ids} the upstream knows, by id. */
    public Mono<Map<String, V>> getAll(Collection<String> ids) {
        return RequestMemo.current().flatMap(memo -> Flux
                .fromIterable(memo.<V>onceEach(name, ids, missing -> load(memo, missing)).entrySet())
                .flatMap(each -> each.getValue().flatMap(Mono::justOrEmpty).map(value -> Map.entry(each.getKey(), value)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .onErrorMap(error -> UpstreamFailures.classify(upstream, error));
    }

    /** The value of one id, read together with the ids other fields of the request ask for at the same time. */
    public Mono<V> get(String id) {
        return getAll(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
    }

    private Mono<Map<String, V>> load(RequestMemo memo, List<String> ids) {
        Map<String, V> found = new ConcurrentHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            cache.fresh(id).ifPresentOrElse(hit -> {
                found.put(id, hit.value());
                memo.freshness().record(upstream, hit.source(), hit.asOf());
            }, () -> missing.add(id));
        }
        return Flux.fromIterable(Batches.of(missing, batchSize))
                .flatMap(batch -> fetch(memo, batch))
                .doOnNext(found::putAll)
                .then(Mono.fromSupplier(() -> Map.copyOf(found)));
    }

    private Mono<Map<String, V>> fetch(RequestMemo memo, List<String> batch) {
        return guard.read(name, () -> read.apply(batch).map(contract::check))
                .map(values -> {
                    Map<String, V> byId = new HashMap<>();
                    values.stream().filter(value -> batch.contains(idOf.apply(value)))
                            .forEach(value -> byId.putIfAbsent(idOf.apply(value), value));
                    memo.freshness().record(upstream, Fetched.Source.LIVE, cache.putAll(byId));
                    return byId;
                })
                .onErrorResume(error -> stale(memo, batch, error));
    }

    /** After a failed call: the whole batch from entries still inside stale-if-error, or the failure. */
    private Mono<Map<String, V>> stale(RequestMemo memo, List<String> batch, Throwable error) {
        Map<String, V> served = new HashMap<>();
        for (String id : batch) {
            Optional<Fetched<V>> entry = cache.stale(id);
            if (entry.isEmpty()) {
                return Mono.error(error);
            }
            served.put(id, entry.get().value());
            memo.freshness().record(upstream, Fetched.Source.STALE, entry.get().asOf());
        }
        return Mono.just(served);
    }
}
