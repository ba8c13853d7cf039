package cn.shanghai.residence.gateway.store;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/** {@link IdempotencyStore} in this gateway's memory, entries kept for the configured time (24 h by default). */
final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, Mono<?> outcome) {
    }

    private final Cache<String, Entry> entries;

    InMemoryIdempotencyStore(Duration ttl, long maximumSize) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Mono<T> once(String personId, String key, String fingerprint, Class<T> type, Supplier<Mono<T>> submit,
            Predicate<T> remember) {
        String scopedKey = personId + "\u0000" + key;
        return Mono.defer(() -> {
            Entry candidate = new Entry(fingerprint, Mono.defer(submit)
                    .doOnNext(outcome -> {
                        if (!remember.test(outcome)) {
                            entries.asMap().remove(scopedKey);
                        }
                    })
                    .doOnError(error -> entries.asMap().remove(scopedKey))
                    .cache());
            Entry entry = entries.asMap().putIfAbsent(scopedKey, candidate);
            Entry winner = entry == null ? candidate : entry;
            if (!winner.fingerprint().equals(fingerprint)) {
                return Mono.error(new KeyReused());
            }
            return (Mono<T>) winner.outcome();
        });
    }

    @Override
    public Mono<Void> forgetAll() {
        return Mono.fromRunnable(entries::invalidateAll);
    }
}
