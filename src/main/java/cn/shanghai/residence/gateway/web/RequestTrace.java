package cn.shanghai.residence.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The ids that tie one client request to every upstream call it causes: the {@code X-Request-Id} and the W3C
 * trace id, carried in the Reactor context from the inbound request to the upstream clients.
 */
public record RequestTrace(String requestId, String traceId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** Keeps a caller's request id and trace when they are well-formed; anything else is replaced, never echoed. */
    public static RequestTrace from(@Nullable String requestId, @Nullable String traceparent) {
        String id = requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches() ? requestId
                : UUID.randomUUID().toString();
        String traceId = null;
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent.strip());
            if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE_ID)) {
                traceId = matcher.group(1);
            }
        }
        return new RequestTrace(id, traceId != null ? traceId : randomHex(16));
    }

    /** A {@code traceparent} for one upstream call: this trace, a new span. */
    public String childTraceparent() {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }
}
