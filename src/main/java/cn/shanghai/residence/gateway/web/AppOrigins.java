package cn.shanghai.residence.gateway.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the apps' own origins ({@link CorsProperties}) on the endpoints a browser app calls: GraphQL and the
 * uploads. Tokens travel in {@code Authorization}, never in cookies, so no credentials are allowed. A preflight or
 * request from any other origin answers 403 before anything else runs.
 */
@Configuration(proxyBeanMethods = false)
class AppOrigins {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    CorsWebFilter appOriginsFilter(CorsProperties properties, @Value("${gateway.sandbox.enabled:true}") boolean sandbox) {
        CorsConfiguration apps = new CorsConfiguration();
        apps.setAllowedOriginPatterns(properties.origins(sandbox));
        apps.setAllowedMethods(List.of("GET", "POST"));
        apps.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT_LANGUAGE, RequestTrace.REQUEST_ID_HEADER));
        apps.setExposedHeaders(List.of(RequestTrace.REQUEST_ID_HEADER, HttpHeaders.RETRY_AFTER));
        apps.setAllowCredentials(false);
        apps.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/graphql", apps);
        source.registerCorsConfiguration("/uploads/**", apps);
        return new CorsWebFilter(source);
    }
}
