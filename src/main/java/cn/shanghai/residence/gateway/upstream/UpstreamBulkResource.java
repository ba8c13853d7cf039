package cn.shanghai.residence.gateway.upstream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A resource an upstream reads in bulk (bdc's licences by id, EMS's parcels by tracking number) and the one path
 * such reads take: each id is read at most once per request however many fields ask (the request memo), then
 * from its own cache entry, then from a call another request already has in flight for it, and the rest with one
 * guarded call per {@code batchSize} ids, in parallel, instead of one call per id. When a call fails, a batch whose
 * entries are all still inside their stale-if-error window is served STALE. Ids the upstream does not know are
 * absent from the answer.
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
    private final Map<String, Mono<Batch<V>>> inFlight = new ConcurrentHashMap<>();

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
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .onErrorMap(error -> UpstreamFailures.classify(upstream, error)))
                // The ids come from a person's own records, read (and audited) first: the section is what is added.
                .doOnEach(signal -> {
                    Map<String, V> found = signal.get();
                    if (found != null && !found.isEmpty()) {
                        PersonalDataAccess.record(signal.getContextView(), upstream, name, null);
                    }
                });
    }

    /** The value of one id, read together with the ids other fields of the request ask for at the same time. */
    public Mono<V> get(String id) {
        return getAll(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
    }

    private Mono<Map<String, V>> load(RequestMemo memo, List<String> ids) {
        Map<String, V> found = new ConcurrentHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            cache.fresh(id).ifPresentOrElse(hit -> {
                found.put(id, hit.value());
                memo.freshness().record(upstream, hit.source(), hit.asOf());
            }, () -> missing.add(id));
        }
        Set<Mono<Batch<V>>> reads = new LinkedHashSet<>();
        List<String> unread = new ArrayList<>();
        for (String id : missing) {
            Mono<Batch<V>> elsewhere = inFlight.get(id);
            if (elsewhere == null) {
                unread.add(id);
            } else {
                reads.add(elsewhere);
            }
        }
        Batches.of(unread, batchSize).forEach(batch -> reads.add(shared(batch)));
        return Flux.fromIterable(reads)
                .flatMap(guard::withinDeadline)
                .doOnNext(batch -> {
                    memo.freshness().record(upstream, batch.source(), batch.asOf());
                    batch.values().forEach((id, value) -> {
                        if (missing.contains(id)) {
                            found.put(id, value);
                        }
                    });
                })
                .then(Mono.fromSupplier(() -> Map.copyOf(found)));
    }

    /**
     * One call for a batch, which concurrent requests needing the same ids join instead of calling again (two
     * screens of one resident, a guardian and a dependent looking at one application); gone once it completes.
     * It runs without the first caller's request deadline and request id (each caller applies its own deadline
     * while it waits), so a caller about to time out cannot fail the call for the others.
     */
    private Mono<Batch<V>> shared(List<String> batch) {
        AtomicReference<Mono<Batch<V>>> self = new AtomicReference<>();
        Mono<Batch<V>> read = fetch(batch)
                .contextWrite(CallerDeadline::neutral)
                .doFinally(signal -> batch.forEach(id -> inFlight.remove(id, self.get())))
                .cache();
        self.set(read);
        batch.forEach(id -> inFlight.putIfAbsent(id, read));
        return read;
    }

    private Mono<Batch<V>> fetch(List<String> batch) {
        return guard.read(name, () -> read.apply(batch).map(contract::check))
                .map(values -> {
                    Map<String, V> byId = new HashMap<>();
                    values.stream().filter(value -> batch.contains(idOf.apply(value)))
                            .forEach(value -> byId.putIfAbsent(idOf.apply(value), value));
                    return new Batch<>(byId, Fetched.Source.LIVE, cache.putAll(byId));
                })
                .onErrorResume(error -> stale(batch, error));
    }

    /** After a failed call: the whole batch from entries still inside stale-if-error, or the failure. */
    private Mono<Batch<V>> stale(List<String> batch, Throwable error) {
        return cache.staleAll(batch).map(entries -> {
            Map<String, V> served = new HashMap<>();
            entries.forEach((id, entry) -> served.put(id, entry.value()));
            Instant oldest = entries.values().stream().map(Fetched::asOf).min(Instant::compareTo).orElseThrow();
            return Mono.just(new Batch<>(served, Fetched.Source.STALE, oldest));
        }).orElseGet(() -> Mono.error(error));
    }

    /** What one call (or the stale entries standing in for it) gave, and how fresh it is. */
    private record Batch<V>(Map<String, V> values, Fetched.Source source, Instant asOf) {
    }
}
