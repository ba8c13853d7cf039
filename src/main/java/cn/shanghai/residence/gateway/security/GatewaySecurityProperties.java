package cn.shanghai.residence.gateway.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Sign-in settings under {@code gateway.security}. Keys and audiences use Spring Boot's own properties
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location} or {@code jwk-set-uri}, and
 * {@code .audiences}); the issuer is checked here because Boot's {@code issuer-uri} would try OIDC discovery.
 *
 * @param issuer         the {@code iss} every token must carry; required when the sandbox is off
 * @param verifiedTokens how tokens that passed verification are remembered
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(@Nullable String issuer, VerifiedTokens verifiedTokens) {

    public GatewaySecurityProperties {
        verifiedTokens = verifiedTokens == null ? VerifiedTokens.DEFAULTS : verifiedTokens;
    }

    /**
     * @param keep          how long a verified token is recognised without a new RSA check (never past its expiry)
     * @param maximumTokens tokens remembered at most
     * @param maxMemory     the memory the remembered tokens may retain (a token with its claims is about 2 KB)
     */
    public record VerifiedTokens(Duration keep, Long maximumTokens, DataSize maxMemory) {

        static final VerifiedTokens DEFAULTS = new VerifiedTokens(null, null, null);

        public VerifiedTokens {
            keep = keep == null ? Duration.ofMinutes(10) : keep;
            maximumTokens = maximumTokens == null ? 100_000L : maximumTokens;
            maxMemory = maxMemory == null ? DataSize.ofMegabytes(32) : maxMemory;
        }
    }
}
