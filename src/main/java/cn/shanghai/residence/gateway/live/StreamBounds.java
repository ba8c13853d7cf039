package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/** How long one subscriber's stream may live: until its token expires (an error), or idle for too long (complete). */
final class StreamBounds {

    private StreamBounds() {
    }

    /**
     * {@code updates}, completed after {@code idle} without an event (the client resumes with its last id), and
     * ended with UNAUTHENTICATED once {@code tokenLeft} has passed; both timed on {@code scheduler}.
     */
    static <T> Flux<T> bounded(Flux<T> updates, Duration idle, Duration tokenLeft, Scheduler scheduler) {
        AtomicBoolean expired = new AtomicBoolean();
        Mono<Long> expiry = Mono.delay(tokenLeft.isNegative() ? Duration.ZERO : tokenLeft, scheduler)
                .doOnNext(tick -> expired.set(true));
        return updates
                .timeout(Mono.delay(idle, scheduler), update -> Mono.delay(idle, scheduler), Flux.empty())
                .takeUntilOther(expiry)
                .concatWith(Mono.defer(() -> expired.get() ? Mono.error(new GatewayException(
                        ErrorCode.UNAUTHENTICATED, Text.of("error.UNAUTHENTICATED.expired"))) : Mono.empty()));
    }
}
