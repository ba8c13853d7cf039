package cn.shanghai.residence.gateway.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** {@link Leases} of a gateway alone: there is nobody to share with, so this replica holds every lease. */
final class LocalLeases implements Leases {

    @Override
    public Mono<Boolean> hold(String name, Duration ttl) {
        return Mono.just(true);
    }

    @Override
    public Mono<Void> release(String name) {
        return Mono.empty();
    }
}
