package cn.shanghai.residence.gateway.security;

import java.time.Clock;

import java.net.InetSocketAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
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
     * @param managementPort    {@code management.server.port}: when the actuator runs on a port of its own, for
     *                          operators and scrapers only, the actuator endpoints exposed there need no token
     * @param managementAddress {@code management.server.address}: required with such a port, so that it is never
     *                          bound to every interface by accident
     */
    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoder,
            @Value("${management.server.port:-1}") int managementPort, @Value("${server.port:8080}") int serverPort,
            @Value("${management.server.address:}") String managementAddress) {
        boolean operatorsPort = managementPort > 0 && managementPort != serverPort;
        if (operatorsPort && managementAddress.isBlank()) {
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
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(new AndServerWebExchangeMatcher(onPort(operatorsPort ? managementPort : -1),
                                ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))).permitAll()
                        .pathMatchers("/graphql", "/graphql/schema", "/graphiql", "/graphiql/**", "/sandbox",
                                "/sandbox/**", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Like /graphql: an invalid token is refused here, no token is refused by the endpoint itself
                        // (a typed UNAUTHENTICATED answer), before it reads the body.
                        .pathMatchers(HttpMethod.POST, "/uploads/photos", "/uploads/materials").permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    /** Requests that arrived on this local port; none when the port is not set (-1) or random (0). */
    private static ServerWebExchangeMatcher onPort(int port) {
        return exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            return port > 0 && local != null && local.getPort() == port ? MatchResult.match() : MatchResult.notMatch();
        };
    }

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
