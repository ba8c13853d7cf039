package cn.shanghai.residence.stubs.world;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepting an application: one per key (replayed), and none while one of its kind is open for the person. */
class SandboxWorldTests {

    private final SandboxWorld world = new SandboxWorld(SandboxClock.system());

    @Test
    void shouldReplayAKeyAndRefuseASecondOpenApplicationOfTheKindUnderAnotherKey() {
        SandboxWorld.Acceptance first = world.accept("APL-a", "ywtb-1001", "RESIDENCE_REGISTRATION", "a", Map.of(),
                world.now());
        SandboxWorld.Acceptance replay = world.accept("APL-a2", "ywtb-1001", "RESIDENCE_REGISTRATION", "a", Map.of(),
                world.now());
        SandboxWorld.Acceptance second = world.accept("APL-b", "ywtb-1001", "RESIDENCE_REGISTRATION", "b", Map.of(),
                world.now());
        SandboxWorld.Acceptance otherKind = world.accept("APL-c", "ywtb-1001", "PERMIT_LOSS_REPORT", "c", Map.of(),
                world.now());

        assertThat(first.duplicate()).isFalse();
        assertThat(replay).isEqualTo(new SandboxWorld.Acceptance(first.submission(), false));
        assertThat(second).isEqualTo(new SandboxWorld.Acceptance(first.submission(), true));
        assertThat(otherKind.duplicate()).isFalse();
        assertThat(world.of("ywtb-1001")).hasSize(2);
    }
}
