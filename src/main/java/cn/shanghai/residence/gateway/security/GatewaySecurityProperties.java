package cn.shanghai.residence.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings under {@code gateway.security}. Keys and audiences use Spring Boot's own properties
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location} or {@code jwk-set-uri}, and
 * {@code .audiences}); the issuer is checked here because Boot's {@code issuer-uri} would try OIDC discovery.
 *
 * @param issuer the {@code iss} every token must carry; required when the sandbox is off
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(String issuer) {
}
