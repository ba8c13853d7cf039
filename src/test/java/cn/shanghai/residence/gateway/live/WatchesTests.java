package cn.shanghai.residence.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's limits and shutdown, over a subject that never changes: no HTTP, no sleeps. */
class WatchesTests {

    private final Subject quiet = new Subject() {
        @Override
        public String key() {
            return "person:ywtb-1";
        }

        @Override
        public boolean person() {
            return true;
        }

        @Override
        public Mono<Polled> read(@Nullable Watched previous) {
            return Mono.just(new Polled(new Watched(List.of(), List.of()), Set.of()));
        }
    };

    private Watches watches(Integer perPerson, Integer perInstance) {
        Watches watches = new Watches(new LiveProperties(null, null, null, null, null, null, null, null, perPerson,
                perInstance, null, null), new LiveTime(VirtualTimeScheduler.create()),
                new ServiceClock(Clock.systemUTC()), Clock.systemUTC(), new LocalWatchSharing(),
                new SimpleMeterRegistry());
        watches.start();
        return watches;
    }

    @Test
    void shouldRefuseAPersonsStreamPastTheirLimitAndLetItAgainWhenOneCloses() {
        Watches watches = watches(2, null);
        var first = watches.updates("ywtb-1", quiet, null).subscribe();
        watches.updates("ywtb-1", quiet, null).subscribe();

        StepVerifier.create(watches.updates("ywtb-1", quiet, null))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).code())
                        .isEqualTo(ErrorCode.RATE_LIMITED))
                .verify(Duration.ofSeconds(1));
        assertThat(watches.open()).isEqualTo(2);

        first.dispose();
        StepVerifier.create(watches.updates("ywtb-1", quiet, null)).thenCancel().verify(Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseStreamsPastTheInstanceLimitWhoeverAsks() {
        Watches watches = watches(null, 1);
        watches.updates("ywtb-1", quiet, null).subscribe();

        StepVerifier.create(watches.updates("ywtb-2", quiet, null))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).code())
                        .isEqualTo(ErrorCode.RATE_LIMITED))
                .verify(Duration.ofSeconds(1));
    }

    @Test
    void shouldCompleteEveryStreamOnShutdownAndAcceptNoNewOne() {
        Watches watches = watches(null, null);

        StepVerifier.create(watches.updates("ywtb-1", quiet, null))
                .then(watches::stop)
                .expectComplete()
                .verify(Duration.ofSeconds(1));
        StepVerifier.create(watches.updates("ywtb-1", quiet, null))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).code())
                        .isEqualTo(ErrorCode.OVERLOADED))
                .verify(Duration.ofSeconds(1));
        assertThat(watches.open()).isZero();
    }
}
