package cn.shanghai.residence.gateway.sandbox;

import java.net.URI;
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
 * @param timeScale     how fast sandbox time runs against real time (3600: an hour per second)
 * @param stubUrls      origins of stubs started on their own ({@code stubs/run.sh}), e.g. {@code http://localhost:8081};
 *                      when set (for all four) no embedded stub starts and the sandbox clock is pushed to their admin API
 */
@ConfigurationProperties("gateway.sandbox")
public record SandboxProperties(Boolean enabled, String stubsLocation, Map<Upstream, Integer> stubPorts,
        Duration tokenLifetime, Double timeScale, Map<Upstream, URI> stubUrls) {

    public SandboxProperties {
        enabled = enabled == null || enabled;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        stubsLocation = stubsLocation == null || stubsLocation.isBlank() ? "classpath:stubs" : stubsLocation;
        stubPorts = stubPorts == null ? Map.of() : Map.copyOf(stubPorts);
        timeScale = timeScale == null ? 1.0 : timeScale;
        stubUrls = stubUrls == null ? Map.of() : Map.copyOf(stubUrls);
    }

    /** The fixed port of an upstream's stub; 0 picks a free one. */
    public int port(Upstream upstream) {
        return stubPorts.getOrDefault(upstream, 0);
    }

    /** Whether the stubs run on their own ({@code stubs/run.sh}) rather than inside the gateway. */
    public boolean standaloneStubs() {
        return !stubUrls.isEmpty();
    }
}
