package cn.shanghai.residence.gateway.store;

import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Remembers, per person and idempotency key, what a mutation's input was and how it ended (the IETF
 * Idempotency-Key draft's semantics). The in-memory store serves one gateway, the Redis store all replicas.
 */
public interface IdempotencyStore {

    /**
     * Runs {@code submit} once per person and key. A repeat with the same fingerprint, concurrent or later, on this
     * replica or another, gets the first outcome without running {@code submit} again; a repeat with another
     * fingerprint gets {@link KeyReused}. Outcomes that fail {@code remember} (e.g. unknown ones) are forgotten, so a
     * retry with the same key runs again. {@code type} is what a shared store reads a remembered outcome back as.
     * Fails with {@link StoreUnavailableException}, without running {@code submit}, when the store cannot be asked.
     */
    <T> Mono<T> once(String personId, String key, String fingerprint, Class<T> type, Supplier<Mono<T>> submit,
            Predicate<T> remember);

    /**
     * Forgets every key. Only the sandbox's reset calls it: the applications the keys point to no longer exist.
     */
    Mono<Void> forgetAll();

    /** The key was used before by this person for other input. */
    final class KeyReused extends RuntimeException {
        KeyReused() {
            super("idempotency key reused with other input", null, false, false);
        }
    }
}
