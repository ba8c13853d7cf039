package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.util.Map;

/** An application police accepted in the sandbox: what was asked, when, and how it is planned to end. */
public record Submission(String applicationId, String personId, String kind, String idempotencyKey,
        Instant submittedAt, Map<String, Object> payload, Outcome outcome) {

    public Submission {
        payload = Map.copyOf(payload.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** A string field of the payload, or null. */
    String text(String field) {
        Object value = payload.get(field);
        return value instanceof String s ? s : null;
    }

    /** An object field of the payload, or an empty map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field) {
        Object value = payload.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    boolean postal() {
        return "POSTAL".equals(object("delivery").get("method"));
    }
}
