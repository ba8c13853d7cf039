package cn.shanghai.residence.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A stand-in for the 一网通办 identity provider in production-mode tests: an RSA key and RS256 tokens. */
public final class TestIdentityProvider {

    public static final String ISSUER = "https://login.ywtb.example.gov.cn";
    public static final String AUDIENCE = "residence-gateway";

    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;

    public TestIdentityProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            publicKey = (RSAPublicKey) keys.getPublic();
            RSAKey jwk = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) keys.getPrivate()).build();
            encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM file, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public Path writePublicKey(Path directory) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(directory.resolve("ywtb-public.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token(String personId) {
        return token(personId, ISSUER, AUDIENCE, Duration.ofMinutes(10));
    }

    /** A token that never says when it expires. */
    public String tokenWithoutExpiry(String personId) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(personId)
                .audience(List.of(AUDIENCE))
                .issuedAt(Instant.now())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    public String token(String personId, String issuer, String audience, Duration validFor) {
        Instant now = Instant.now();
        Instant issuedAt = validFor.isNegative() ? now.plus(validFor).minus(Duration.ofMinutes(10)) : now;
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(personId)
                .audience(List.of(audience))
                .issuedAt(issuedAt)
                .expiresAt(now.plus(validFor))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
