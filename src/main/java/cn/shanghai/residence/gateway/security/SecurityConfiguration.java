package cn.shanghai.residence.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/**
 * HTTP security of the gateway: an OAuth2 resource server taking RS256 JWTs whose {@code sub} is the person id.
 * The GraphQL endpoint stays open at the HTTP level because public fields need no token; personal fields ask
 * {@link CurrentPerson} and answer UNAUTHENTICATED without one. A token that is present but invalid (bad
 * signature, issuer, audience, expiry) is refused with 401 before any field runs.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * @param managementPort    {@code management.server.port}: the actuator always runs on a port of its own, for
     *                          operators and scrapers only, where its endpoints need no token; never the public port
     *                          (its health details show each agency's breaker) and never switched off (the public
     *                          health route reads Boot's health endpoint)
     * @param managementAddress {@code management.server.address}: required, so that the operators' port is never
     *                          bound to every interface by accident
     */
    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoder,
            @Value("${management.server.port:-1}") int managementPort, @Value("${server.port:8080}") int serverPort,
            @Value("${management.server.address:}") String managementAddress) {
        if (managementPort < 0 || managementPort > 0 && managementPort == serverPort) {
            throw new InvalidConfigurationException("management.server.port", "give the actuator a port of its own "
                    + "(0: a free one), not server.port: its health details and metrics are for operators only");
        }
        if (managementAddress.isBlank()) {
            throw new InvalidConfigurationException("management.server.address", "set it to an internal address: "
                    + "the actuator endpoints on management.server.port answer without a token");
        }
        if (decoder.getIfAvailable() == null) {
            throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.public-key-location",
                    "no key to verify sign-in tokens (or set ...jwt.jwk-set-uri); the sandbox is off");
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: a bearer token on every request, never a session. Spring Security's defaults asked
                // WebFlux for a session on every request, which it then never kept: a SecureRandom id made on the
                // bounded-elastic pool, and the rest of the request moved to a parallel thread (bench/RESULTS.md).
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(SecurityHeaders::apply)
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator",
                                "/actuator/**"), OPERATORS_PORT)).permitAll()
                        // On the public port: PublicHealthRoute's UP or DOWN, nothing else of the actuator.
                        .pathMatchers("/graphql", "/graphql/schema", "/graphiql", "/graphiql/**", "/sandbox",
                                "/sandbox/**", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness")
                        .permitAll()
                        // Like /graphql: an invalid token is refused here, no token is refused by the endpoint itself
                        // (a typed UNAUTHENTICATED answer), before it reads the body.
                        .pathMatchers(HttpMethod.POST, "/uploads/photos", "/uploads/materials").permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    /** Requests served by the actuator's own web server (its child context), whatever port it was given. */
    private static final ServerWebExchangeMatcher OPERATORS_PORT = exchange ->
            exchange.getApplicationContext() != null && WebServerApplicationContext.hasServerNamespace(
                    exchange.getApplicationContext(), "management") ? MatchResult.match() : MatchResult.notMatch();

    /**
     * Wraps whichever JWT decoder is in use (Boot's from the key properties, or the sandbox's) so that a token is
     * verified once and then recognised until it expires.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(ObjectProvider<Clock> clock,
            ObjectProvider<GatewaySecurityProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
                    return bean;
                }
                GatewaySecurityProperties.VerifiedTokens settings = properties.getObject().verifiedTokens();
                return new VerifiedTokenCache(decoder, clock.getObject(), settings.keep(), settings.maximumTokens(),
                        settings.maxMemory().toBytes());
            }
        };
    }

    /**
     * No spans or timers of Spring Security's own: an observation around its filter chain, each authentication and
     * each authorization cost about 3 % of a cold query's CPU (bench/RESULTS.md, issue 16), and the request's span and
     * its status (401, 403) already say what security decided.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Boot adds this to its JWT decoder, beside audience and timestamps: a token must say when it expires. */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return TokenRules.EXPIRY_REQUIRED;
    }

    /** Boot adds this to its JWT decoder, beside expiry and audience. The sandbox checks its own issuer. */
    @Bean
    @ConditionalOnProperty(prefix = "gateway.sandbox", name = "enabled", havingValue = "false")
    OAuth2TokenValidator<Jwt> issuerValidator(GatewaySecurityProperties properties) {
        String issuer = properties.issuer();
        if (issuer == null || issuer.isBlank()) {
            throw new InvalidConfigurationException("gateway.security.issuer",
                    "the issuer every sign-in token must carry is not set");
        }
        return new JwtIssuerValidator(issuer);
    }
}
