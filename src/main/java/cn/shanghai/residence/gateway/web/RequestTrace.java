package cn.shanghai.residence.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Request-Id} of one client request, carried in the Reactor context from the inbound request to the
 * log lines (MDC {@code requestId}) and to the upstream writes it causes. The W3C trace itself is Micrometer
 * Tracing's (README "Tracing"); this id is the one a caller or a support desk quotes.
 */
public record RequestTrace(String requestId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** Keeps a caller's request id when it is well-formed; anything else is replaced, never echoed. */
    public static RequestTrace from(@Nullable String requestId) {
        return requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches() ? new RequestTrace(requestId)
                : neutral();
    }

    /**
     * A new id of no caller: for work no single request owns (a poll, a load several requests share), and for a
     * request that brings none. A random (version 4) UUID from the thread's own generator: an id is quoted, never
     * trusted, so it needs no {@code SecureRandom}, whose cost showed in the cold query's profile.
     */
    public static RequestTrace neutral() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new RequestTrace(new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & ~(3L << 62)) | (2L << 62)).toString());
    }
}
