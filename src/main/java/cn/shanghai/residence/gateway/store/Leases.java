package cn.shanghai.residence.gateway.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Who among the replicas does a piece of work for all of them (polls one watched application, say): a lease per
 * name, held by one replica for a while, renewed by it, taken over by another once it lapses or is released.
 */
public interface Leases {

    /**
     * Takes the lease when nobody holds it, or renews it when this replica does, for {@code ttl}: true when this
     * replica holds it now. Fails (an error) when the store cannot answer; the caller decides what that means.
     */
    Mono<Boolean> hold(String name, Duration ttl);

    /** Gives the lease up if this replica holds it, so another may take it at once. */
    Mono<Void> release(String name);
}
