package cn.shanghai.residence.gateway.upload;

import java.util.concurrent.Semaphore;

/**
 * How many uploads the gateway reads at once: each holds up to its size limit in memory (a material 5 MB, and the
 * copies its checks make), so past this number an upload is refused at once (OVERLOADED) instead of filling the heap;
 * the per-person rate limit alone does not bound what many residents send together.
 */
final class UploadSlots {

    private final Semaphore slots;

    UploadSlots(int count) {
        this.slots = new Semaphore(Math.max(0, count));
    }

    /** A slot, to be {@linkplain #release() released} when the upload ends; false when all are taken. */
    boolean tryTake() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }

    int free() {
        return slots.availablePermits();
    }
}
