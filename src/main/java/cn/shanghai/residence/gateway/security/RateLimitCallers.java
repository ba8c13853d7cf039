package cn.shanghai.residence.gateway.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whose budget a request takes, decided from its headers alone (the rate limit runs before the body is read): the
 * bearer token of an {@code Authorization} header, and the budget key of a person or of a client address.
 */
final class RateLimitCallers {

    private static final String BEARER = "bearer ";

    private RateLimitCallers() {
    }

    /** The token of an {@code Authorization: Bearer …} header; empty for none, another scheme or a blank token. */
    static Optional<String> bearerToken(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The budget of a signed-in person (the verified token's subject). */
    static String person(String subject) {
        return "person:" + subject;
    }

    /** The budget of an anonymous caller, or of a caller whose token did not verify. */
    static String address(String clientAddress) {
        return "address:" + clientAddress;
    }

    static boolean isPerson(String key) {
        return key.startsWith("person:");
    }
}
