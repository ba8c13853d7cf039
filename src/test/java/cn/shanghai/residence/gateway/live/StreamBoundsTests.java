package cn.shanghai.residence.gateway.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream's idle timeout and token expiry, on virtual time. */
class StreamBoundsTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Sinks.Many<String> updates = Sinks.many().unicast().onBackpressureBuffer();

    @Test
    void shouldCompleteAStreamIdleForTheTimeoutButNotOneThatDelivers() {
        StepVerifier.create(StreamBounds.bounded(updates.asFlux(), Duration.ofHours(2), Duration.ofDays(1), time))
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(119)))
                .then(() -> updates.tryEmitNext("event"))
                .expectNext("event")
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(119)))
                .expectNoEvent(Duration.ZERO)
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(1)))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldEndWithUnauthenticatedWhenTheTokenExpires() {
        StepVerifier.create(StreamBounds.bounded(updates.asFlux(), Duration.ofHours(2), Duration.ofMinutes(30), time))
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(29)))
                .expectNoEvent(Duration.ZERO)
                .then(() -> time.advanceTimeBy(Duration.ofMinutes(1)))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).code())
                        .isEqualTo(ErrorCode.UNAUTHENTICATED))
                .verify(Duration.ofSeconds(5));
    }
}
