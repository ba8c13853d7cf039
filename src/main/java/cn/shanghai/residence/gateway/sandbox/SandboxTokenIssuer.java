package cn.shanghai.residence.gateway.sandbox;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The sandbox's local identity provider: an RSA key made at start-up signs RS256 tokens for demo personas, with
 * the issuer and audiences the gateway checks, so sandbox sign-in exercises the same verification as production.
 */
public final class SandboxTokenIssuer {

    static final String DEFAULT_ISSUER = "https://sandbox.residence-gateway.local/issuer";

    private final String issuer;
    private final List<String> audiences;
    private final Duration lifetime;
    private final Clock clock;
    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final String keyId = UUID.randomUUID().toString();

    SandboxTokenIssuer(String issuer, List<String> audiences, Duration lifetime, Clock clock) {
        this.issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
        this.audiences = List.copyOf(audiences);
        this.lifetime = lifetime;
        this.clock = clock;
        KeyPair keys = generateKeys();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) keys.getPrivate()).keyID(keyId).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    public SandboxToken issue(String personId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(personId)
                .audience(audiences)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new SandboxToken(token, expiresAt);
    }

    public String issuer() {
        return issuer;
    }

    public List<String> audiences() {
        return audiences;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** What {@code POST /sandbox/token} answers. */
    public record SandboxToken(String accessToken, Instant expiresAt) {
    }
}
