package cn.shanghai.residence.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The verified-token cache verifies once, never outlives a token, and never remembers a failure. */
class VerifiedTokenCacheTests {

    private static final Instant ISSUED = Instant.parse("2026-11-29T02:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = ISSUED;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ywtb-1004")
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(5))).build());
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(30), 100,
            1_000_000);

    @Test
    void shouldVerifyAGoodTokenOnce() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(cache.decode("good")).expectNextMatches(jwt -> "ywtb-1004".equals(jwt.getSubject()))
                    .verifyComplete();
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void shouldRefuseARememberedTokenOnceItExpires() {
        StepVerifier.create(cache.decode("good")).expectNextCount(1).verifyComplete();
        now = ISSUED.plus(Duration.ofMinutes(7));

        StepVerifier.create(cache.decode("good")).expectError(BadJwtException.class).verify();
    }

    @Test
    void shouldNeverRememberAFailure() {
        StepVerifier.create(cache.decode("bad-token")).expectError(BadJwtException.class).verify();
        StepVerifier.create(cache.decode("bad-token")).expectError(BadJwtException.class).verify();

        assertThat(verifications).hasValue(2);
    }
}
