package cn.shanghai.residence.gateway.security;

import java.time.Instant;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/** Token checks beyond Spring's defaults, shared by the production and the sandbox decoder. */
public final class TokenRules {

    /** Spring's timestamp check lets a token without {@code exp} live forever; a resident's token must expire. */
    public static final OAuth2TokenValidator<Jwt> EXPIRY_REQUIRED =
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);

    private TokenRules() {
    }
}
