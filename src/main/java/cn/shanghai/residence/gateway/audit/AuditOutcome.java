package cn.shanghai.residence.gateway.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How an operation ended, as its audit record says: OK; REFUSED with the code of the refusal (a GraphQL error the
 * caller caused, or a mutation's first userError); PARTIAL when data came back beside errors; FAILED with the code
 * when the gateway or an agency failed and nothing came back.
 *
 * @param code the refusal's or failure's code; null when OK
 */
record AuditOutcome(Result result, @Nullable String code) {

    enum Result {
        OK, REFUSED, PARTIAL, FAILED
    }

    /** Error codes that mean the caller was refused, not that something failed. */
    static final Set<String> REFUSALS = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT",
            "BAD_REQUEST", "RATE_LIMITED", "QUERY_TOO_COMPLEX");

    static final AuditOutcome OK = new AuditOutcome(Result.OK, null);

    /**
     * @param data       the response's {@code data}: root field name (or alias) to value; null when none
     * @param errorCodes the {@code extensions.code} of each GraphQL error, in order
     */
    static AuditOutcome of(@Nullable Map<String, Object> data, List<String> errorCodes) {
        boolean anyData = data != null && data.values().stream().anyMatch(value -> value != null);
        if (errorCodes.isEmpty()) {
            String userError = data == null ? null : firstUserError(data);
            return userError == null ? OK : new AuditOutcome(Result.REFUSED, userError);
        }
        String first = errorCodes.get(0);
        if (anyData) {
            return new AuditOutcome(Result.PARTIAL, first);
        }
        return new AuditOutcome(REFUSALS.contains(first) ? Result.REFUSED : Result.FAILED, first);
    }

    /** The code of the first userError of a mutation payload, if any root field holds one. */
    private static @Nullable String firstUserError(Map<String, Object> data) {
        for (Object root : data.values()) {
            if (root instanceof Map<?, ?> payload && payload.get("userErrors") instanceof List<?> errors
                    && !errors.isEmpty()) {
                return errors.get(0) instanceof Map<?, ?> error && error.get("code") instanceof String code ? code
                        : "USER_ERROR";
            }
        }
        return null;
    }

    /** {@code OK}, or the result with its code: {@code REFUSED(NOT_FOUND)}. */
    String text() {
        return code == null ? result.name() : result.name() + "(" + code + ")";
    }
}
