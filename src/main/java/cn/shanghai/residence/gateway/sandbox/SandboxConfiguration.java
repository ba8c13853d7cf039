package cn.shanghai.residence.gateway.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.shanghai.residence.gateway.InvalidConfigurationException;
import cn.shanghai.residence.gateway.security.GatewaySecurityProperties;
import cn.shanghai.residence.gateway.security.TokenRules;
import cn.shanghai.residence.gateway.store.IdempotencyStore;
import cn.shanghai.residence.gateway.upstream.EmbeddedUpstreams;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamsProperties;
import cn.shanghai.residence.stubs.world.SandboxClock;
import cn.shanghai.residence.stubs.world.SandboxWorld;

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
    @ConditionalOnExpression("'${gateway.sandbox.stub-urls.police:}' == ''")
    StubServers stubServers(SandboxProperties properties, UpstreamsProperties upstreams, Environment environment,
            SandboxClock clock) {
        refuseRealSettings(upstreams, environment);
        return new StubServers(properties, new SandboxWorld(clock));
    }

    /** Stubs started on their own ({@code stubs/run.sh}): the gateway points at them instead of starting its own. */
    @Bean
    @ConditionalOnExpression("'${gateway.sandbox.stub-urls.police:}' != ''")
    ExternalStubs externalStubs(SandboxProperties properties, UpstreamsProperties upstreams, Environment environment) {
        refuseRealSettings(upstreams, environment);
        for (Upstream upstream : Upstream.values()) {
            URI origin = properties.stubUrls().get(upstream);
            if (origin == null || !origin.isAbsolute() || !List.of("http", "https").contains(origin.getScheme())) {
                throw new InvalidConfigurationException("gateway.sandbox.stub-urls." + upstream.id(),
                        "stubs started on their own need the http(s) origin of all four, e.g. http://localhost:8081");
            }
        }
        return new ExternalStubs(properties.stubUrls());
    }

    private static void refuseRealSettings(UpstreamsProperties upstreams, Environment environment) {
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
    }

    /** Sandbox time: real time scaled by {@code gateway.sandbox.time-scale} and shifted by {@code POST /sandbox/clock}. */
    @Bean
    SandboxClock sandboxClock(Clock clock, SandboxProperties properties) {
        try {
            return new SandboxClock(clock, properties.timeScale());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("gateway.sandbox.time-scale", e.getMessage());
        }
    }

    @Bean
    StubControls stubControls(ObjectProvider<StubServers> embedded, SandboxProperties properties, SandboxClock clock,
            WebClient.Builder http) {
        StubServers servers = embedded.getIfAvailable();
        if (servers != null) {
            return new EmbeddedStubControls(servers.world());
        }
        return new AdminApiStubControls(properties.stubUrls(), clock, http);
    }

    @Bean
    RouterFunction<ServerResponse> sandboxClockRoutes(SandboxClock clock, StubControls stubs, ResourceCaches caches,
            IdempotencyStore idempotency, ApplicationEventPublisher events) {
        return new SandboxClockRoutes(clock, stubs, caches, idempotency, events).routes();
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
    ApplicationListener<ApplicationReadyEvent> sandboxBanner(EmbeddedUpstreams stubs, StubControls controls,
            Environment environment) {
        return event -> {
            // Stubs on their own start at real time and speed: tell them the sandbox's.
            controls.clockChanged().onErrorResume(error -> {
                log.warn("Could not set the stubs' sandbox clock through their admin API: {}", error.toString());
                return Mono.empty();
            }).block(Duration.ofSeconds(10));
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
