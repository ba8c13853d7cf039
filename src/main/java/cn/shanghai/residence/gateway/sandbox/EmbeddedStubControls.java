package cn.shanghai.residence.gateway.sandbox;

import reactor.core.publisher.Mono;

import cn.shanghai.residence.stubs.world.Outcome;
import cn.shanghai.residence.stubs.world.SandboxWorld;

/** Embedded stubs share the gateway's clock and world objects, so only a reset and an outcome plan need telling. */
final class EmbeddedStubControls implements StubControls {

    private final SandboxWorld world;

    EmbeddedStubControls(SandboxWorld world) {
        this.world = world;
    }

    @Override
    public Mono<Void> clockChanged() {
        return Mono.empty();
    }

    @Override
    public Mono<Void> reset() {
        return Mono.fromRunnable(world::reset);
    }

    @Override
    public Mono<Void> planNext(String personId, Outcome outcome) {
        return Mono.fromRunnable(() -> world.planNext(personId, outcome));
    }
}
