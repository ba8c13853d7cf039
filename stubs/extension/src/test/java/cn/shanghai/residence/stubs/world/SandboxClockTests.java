package cn.shanghai.residence.stubs.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox time: scaled, advanced by calendar amounts, reset to real time. */
class SandboxClockTests {

    private final AtomicReference<Instant> real = new AtomicReference<>(Instant.parse("2026-11-29T02:00:00Z"));
    private final Clock realClock = new Clock() {
        @Override
        public Instant instant() {
            return real.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void shouldRunScaledFromTheStart() {
        SandboxClock clock = new SandboxClock(realClock, 3600);
        real.set(real.get().plusSeconds(2));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-29T04:00:00Z"));
    }

    @Test
    void shouldTellTimeInShanghaiAndAcceptScalesUpToAMillion() {
        SandboxClock clock = new SandboxClock(realClock, 1_000_000);

        assertThat(clock.getZone()).isEqualTo(SandboxClock.SHANGHAI);
        assertThat(clock.withZone(java.time.ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
        assertThat(clock.withZone(java.time.ZoneOffset.UTC).getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(SandboxClock.system().getZone()).isEqualTo(SandboxClock.SHANGHAI);
        assertThatThrownBy(() -> new SandboxClock(realClock, 1_000_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAdvanceByCalendarMonthsInShanghai() {
        SandboxClock clock = new SandboxClock(realClock, 1);
        clock.advance(SandboxClock.parseAdvance("P6M"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-05-29T02:00:00Z"));
        clock.advance(SandboxClock.parseAdvance("pt2h"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-05-29T04:00:00Z"));
        real.set(real.get().plusSeconds(60));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-05-29T04:01:00Z"));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(real.get());
    }

    @Test
    void shouldBeSetToWhatTheGatewayPushes() {
        SandboxClock clock = new SandboxClock(realClock, 1);
        clock.set(Instant.parse("2030-01-01T00:00:00Z"), 60);
        real.set(real.get().plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:01:00Z"));
        assertThat(clock.scale()).isEqualTo(60);
    }

    @Test
    void shouldRefuseBackwardsEmptyOrGarbledAdvances() {
        for (String bad : new String[] {"-P1D", "P0D", "PT0S", "-PT1H", "yesterday", "", null}) {
            assertThatThrownBy(() -> SandboxClock.parseAdvance(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SandboxClock.parseAdvance("P1D")).isEqualTo(Period.ofDays(1));
        assertThat(SandboxClock.parseAdvance("P1DT12H")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> new SandboxClock(realClock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
