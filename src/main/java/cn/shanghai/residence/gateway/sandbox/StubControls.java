package cn.shanghai.residence.gateway.sandbox;

import reactor.core.publisher.Mono;

import cn.shanghai.residence.stubs.world.Outcome;

/** What the sandbox's endpoints change in the stubs, wherever they run: their clock, their world, outcome plans. */
interface StubControls {

    /** The sandbox clock was advanced or reset: the stubs must follow it. */
    Mono<Void> clockChanged();

    /** Every persona back to its initial state; the clock back to real time. */
    Mono<Void> reset();

    /** How the person's next application ends. */
    Mono<Void> planNext(String personId, Outcome outcome);
}
