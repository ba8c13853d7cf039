package cn.shanghai.residence.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            return Files.writeString(directory.resolve("ywtb-public.pem"), pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
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

    /** A token valid only from an hour from now. */
    public String tokenNotYetValid(String personId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(personId)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .notBefore(now.plus(Duration.ofHours(1)))
                .expiresAt(now.plus(Duration.ofHours(2)))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** An unsigned token ({@code alg: none}) with valid claims. */
    public static String unsignedToken(String personId) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims(personId)) + ".";
    }

    /** The key-confusion attack: HS256, with the provider's public key (as PEM text) used as the HMAC secret. */
    public String hmacWithPublicKey(String personId) {
        String signingInput = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims(personId));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(String personId) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + personId + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":"
                + now + ",\"exp\":" + (now + 600) + "}";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
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
