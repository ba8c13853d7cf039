package cn.shanghai.residence.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed full verification, keyed by the exact token text, so an app sending the same
 * token with every request pays the RSA check once (it was a fifth of the gateway's CPU per query). A hit is
 * re-checked against {@code exp} and {@code nbf} (with the usual 60 s skew), so nothing outlives its validity;
 * failures are never remembered.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /**
     * @param maxBytes the memory the remembered tokens may retain; each weighs at least {@code maxBytes /
     *                 maximumTokens}, so their number stays bounded too
     */
    VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock, Duration keep, long maximumTokens, long maxBytes) {
        this.verifier = verifier;
        this.clock = clock;
        long minimumWeight = Math.max(1, maxBytes / Math.max(1, maximumTokens));
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(keep)
                .maximumWeight(maxBytes)
                .weigher((String token, Jwt jwt) -> (int) Math.max(minimumWeight, retained(token)))
                .build();
    }

    /** A token's text, its parsed headers and claims: estimated at three times the text (about 2 KB a token). */
    static long retained(String token) {
        return 3L * token.length() + 256;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            Instant now = clock.instant();
            boolean expired = known.getExpiresAt() == null || !now.isBefore(known.getExpiresAt().plus(SKEW));
            boolean early = known.getNotBefore() != null && now.isBefore(known.getNotBefore().minus(SKEW));
            if (!expired && !early) {
                return Mono.just(known);
            }
            verified.invalidate(token);
            return Mono.error(new BadJwtException("The token is no longer valid"));
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
