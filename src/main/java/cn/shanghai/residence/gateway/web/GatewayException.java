package cn.shanghai.residence.gateway.web;

import java.util.Map;

/**
 * A failure the client may see: its message is written for the client and must never hold PII, upstream bodies
 * or internals; {@link #extensions()} adds typed details next to the code.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;

    public GatewayException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra {@code extensions} entries beside {@code code}. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    public static GatewayException badUserInput(String message) {
        return new GatewayException(ErrorCode.BAD_USER_INPUT, message);
    }
}
