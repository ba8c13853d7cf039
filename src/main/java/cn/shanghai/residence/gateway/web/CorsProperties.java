package cn.shanghai.residence.gateway.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which web apps' origins may call the gateway from a browser, under {@code gateway.cors}.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.ywtb.example.gov.cn}) of the apps; unset: any
 *                       local origin ({@code http://localhost:[*]}, {@code http://127.0.0.1:[*]}) in the sandbox,
 *                       none otherwise
 * @param maxAge         how long a browser may remember a preflight's answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    /** The sandbox's own pages and the local dev servers of the apps (any port on this machine). */
    static final List<String> SANDBOX_ORIGINS = List.of("http://localhost:[*]", "http://127.0.0.1:[*]");

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? null : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }

    /** The origins allowed: the configured ones, else the sandbox's or none. */
    List<String> origins(boolean sandbox) {
        return allowedOrigins != null ? allowedOrigins : sandbox ? SANDBOX_ORIGINS : List.of();
    }
}
