package cn.shanghai.residence.gateway.sandbox;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.shanghai.residence.gateway.upstream.Upstream;

/**
 * The embedded sandbox under {@code gateway.sandbox}: on by default so one command gives a working system.
 *
 * @param enabled       start embedded stub servers, the demo token issuer and GraphiQL; off for real systems
 * @param stubsLocation where the WireMock roots live: {@code classpath:stubs} or a directory such as {@code file:stubs}
 * @param stubPorts     fixed port per upstream; absent or 0 picks a free port
 * @param tokenLifetime how long a demo token from {@code POST /sandbox/token} is valid
 */
@ConfigurationProperties("gateway.sandbox")
public record SandboxProperties(Boolean enabled, String stubsLocation, Map<Upstream, Integer> stubPorts,
        Duration tokenLifetime) {

    public SandboxProperties {
        enabled = enabled == null || enabled;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        stubsLocation = stubsLocation == null || stubsLocation.isBlank() ? "classpath:stubs" : stubsLocation;
        stubPorts = stubPorts == null ? Map.of() : Map.copyOf(stubPorts);
    }

    /** The fixed port of an upstream's stub; 0 picks a free one. */
    public int port(Upstream upstream) {
        return stubPorts.getOrDefault(upstream, 0);
    }
}
