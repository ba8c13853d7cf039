package cn.shanghai.residence.gateway.upload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads read at once: as many as there are slots, the next refused, a freed slot taken again. */
class UploadSlotsTests {

    @Test
    void shouldGiveOutItsSlotsThenRefuseUntilOneIsReleased() {
        UploadSlots slots = new UploadSlots(2);

        assertThat(slots.tryTake()).isTrue();
        assertThat(slots.tryTake()).isTrue();
        assertThat(slots.tryTake()).isFalse();
        slots.release();
        assertThat(slots.free()).isEqualTo(1);
        assertThat(slots.tryTake()).isTrue();
    }

    @Test
    void shouldTakeNoSlotsAsRefusingEveryUpload() {
        assertThat(new UploadSlots(0).tryTake()).isFalse();
        assertThat(new UploadSlots(-1).tryTake()).isFalse();
    }
}
