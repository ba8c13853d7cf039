package cn.shanghai.residence.gateway.live;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a watched thing's events and last answer are written into the shared store and read back by another replica,
 * unchanged: offsets kept as written (an event compared after a round trip must equal the original, or a replica
 * taking over would tell old steps again), and a Redis stream entry id turned into the event id clients resume with.
 */
final class SharedForms {

    /** Entries one stream may add within one millisecond and still get ids of their own; a poll adds a handful. */
    static final int PER_MILLISECOND = 1000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SharedForms() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    /**
     * The event id of stream entry {@code <ms>-<seq>}: {@code ms * 1000 + seq}, increasing like the entries, of the
     * same size as the ids a gateway alone gives (milliseconds times 1000), so a client resumes across replicas.
     */
    static long eventId(String entryId) {
        int dash = entryId.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a stream entry id: " + entryId);
        }
        long sequence = Long.parseLong(entryId.substring(dash + 1));
        if (sequence >= PER_MILLISECOND) {
            throw new IllegalArgumentException("more than " + PER_MILLISECOND + " entries in one millisecond: "
                    + entryId);
        }
        return Long.parseLong(entryId.substring(0, dash)) * PER_MILLISECOND + sequence;
    }
}
