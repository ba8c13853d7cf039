package cn.shanghai.residence.gateway.store;

import reactor.core.publisher.Mono;

/** Rate-limit budgets, one per caller (a person, or an anonymous client address): may this request pass now? */
public interface RequestBudgets {

    /** Takes one request from the caller's budget: 0 when it may pass, else how many milliseconds until one may. */
    Mono<Long> take(String caller);
}
