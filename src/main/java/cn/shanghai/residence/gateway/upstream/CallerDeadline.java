package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import cn.shanghai.residence.gateway.web.RequestDeadline;
import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * What one caller brings to an upstream read and must not lend to others: its request deadline, applied by each
 * caller while it waits, and its request id, which a read several requests share never carries (issue 15, item 7).
 */
final class CallerDeadline {

    private CallerDeadline() {
    }

    /** {@code call}, bounded by the deadline of the request whose context it runs in (none outside a request). */
    static <T> Mono<T> bound(Mono<T> call, Clock clock) {
        return Mono.deferContextual(context -> context.<RequestDeadline>getOrEmpty(RequestDeadline.class)
                .map(deadline -> {
                    Duration left = deadline.remaining(clock);
                    return left.isNegative() || left.isZero()
                            ? Mono.<T>error(new TimeoutException("request deadline passed"))
                            : call.timeout(left);
                })
                .orElse(call));
    }

    /**
     * The context a shared read runs with: the first caller's, less its deadline and its request id. The trace
     * stays: the read's span is a child of the span of the caller that started it, the others record that they
     * joined it.
     */
    static Context neutral(Context context) {
        return context.delete(RequestDeadline.class).put(RequestTrace.class, RequestTrace.neutral());
    }
}
