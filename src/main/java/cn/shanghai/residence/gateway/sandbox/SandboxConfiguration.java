package cn.shanghai.residence.gateway.sandbox;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.shanghai.residence.gateway.InvalidConfigurationException;
import cn.shanghai.residence.gateway.security.GatewaySecurityProperties;
import cn.shanghai.residence.gateway.security.TokenRules;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamsProperties;

/**
 * Sandbox mode (the default): embedded stub servers, a local token issuer for the demo personas with the
 * decoder that trusts it, and a start-up line telling the newcomer where to click.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gateway.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    /**
     * The sandbox mints tokens for anyone who asks, so it must never sit in front of real data: with a real
     * upstream or a real identity provider configured, it refuses to start.
     */
    @Bean
    StubServers stubServers(SandboxProperties properties, UpstreamsProperties upstreams, Environment environment) {
        for (Upstream upstream : Upstream.values()) {
            if (upstreams.settings(upstream).baseUrl() != null) {
                throw sandboxWithRealSettings("gateway.upstreams." + upstream.id() + ".base-url");
            }
        }
        for (String key : List.of("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
            if (environment.containsProperty(key) && !environment.getProperty(key, "").isBlank()) {
                throw sandboxWithRealSettings(key);
            }
        }
        return new StubServers(properties);
    }

    private static InvalidConfigurationException sandboxWithRealSettings(String property) {
        return new InvalidConfigurationException("gateway.sandbox.enabled", "the sandbox issues tokens to anyone and "
                + "cannot be combined with " + property + "; set gateway.sandbox.enabled=false for real systems");
    }

    @Bean
    SandboxPersonas sandboxPersonas() {
        return new SandboxPersonas();
    }

    @Bean
    SandboxTokenIssuer sandboxTokenIssuer(GatewaySecurityProperties security, SandboxProperties sandbox,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences, Clock clock) {
        return new SandboxTokenIssuer(security.issuer(), audiences, sandbox.tokenLifetime(), clock);
    }

    /** Verifies sandbox tokens exactly as production verifies real ones: RS256, expiry, issuer, audience. */
    @Bean
    ReactiveJwtDecoder sandboxJwtDecoder(SandboxTokenIssuer issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                TokenRules.EXPIRY_REQUIRED,
                new JwtIssuerValidator(issuer.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(issuer.audiences()::contains))));
        return decoder;
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxPersonas personas, SandboxTokenIssuer issuer) {
        return new SandboxRoutes(personas, issuer).routes();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> sandboxBanner(StubServers stubs, Environment environment) {
        return event -> {
            String port = environment.getProperty("local.server.port", "8080");
            StringBuilder upstreams = new StringBuilder();
            for (Upstream upstream : Upstream.values()) {
                upstreams.append(' ').append(upstream.id()).append('=').append(stubs.baseUrl(upstream));
            }
            log.info("Sandbox ready: pick a persona at http://localhost:{}/sandbox , GraphiQL at "
                    + "http://localhost:{}/graphiql ; stubs:{}", port, port, upstreams);
        };
    }
}
