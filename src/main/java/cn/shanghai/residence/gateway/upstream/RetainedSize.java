package cn.shanghai.residence.gateway.upstream;

import java.io.OutputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Estimates the heap a cached upstream value retains, so caches can be bounded in bytes instead of entries: the
 * length of the value written back as JSON, times a factor measured with a heap histogram of decoded upstream
 * bodies (1.35 for a permit to 2.11 for a profile, 1.81 for 20 applications; see bench/RESULTS.md), plus the
 * cache's own per-entry overhead (key, node, timestamps). Costs one JSON write per cache put, never per hit.
 */
final class RetainedSize {

    /** Retained bytes per byte of JSON, rounded up from the largest measured ratio. */
    static final double FACTOR = 2.2;

    /** Key, Caffeine node and entry record around every value. */
    static final int ENTRY_OVERHEAD = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RetainedSize() {
    }

    static long of(Object value) {
        if (value == null) {
            return ENTRY_OVERHEAD;
        }
        Counting counting = new Counting();
        try {
            JSON.writeValue(counting, value);
        } catch (JacksonException unwritable) {
            return ENTRY_OVERHEAD + 4_096;
        }
        return ENTRY_OVERHEAD + (long) Math.ceil(counting.bytes * FACTOR);
    }

    /** Counts what is written, keeps nothing. */
    private static final class Counting extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
