package cn.shanghai.residence.gateway.web;

import java.util.UUID;
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

    /** A new id of no caller: for work no single request owns (a poll, a load several requests share). */
    public static RequestTrace neutral() {
        return new RequestTrace(UUID.randomUUID().toString());
    }
}
