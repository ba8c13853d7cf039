package cn.shanghai.residence.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * HTTP security of the gateway. The GraphQL endpoint is open at the HTTP level: public fields need no token, and
 * personal fields check the caller themselves. CSRF tokens do not apply to a bearer-token API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/graphql", "/graphql/schema", "/graphiql", "/graphiql/**", "/actuator/health/**",
                                "/actuator/health")
                        .permitAll()
                        .anyExchange().denyAll())
                .build();
    }
}
