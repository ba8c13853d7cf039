package cn.shanghai.residence.gateway.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies (load balancers) whose {@code Forwarded} / {@code X-Forwarded-For} headers the gateway believes, under
 * {@code gateway}: addresses or CIDR ranges. None (the default) believes no one: the client is the socket's peer.
 *
 * @param trustedProxies e.g. {@code 10.0.0.0/8}, {@code 192.168.1.10}, {@code fd00::/8}; null when none is trusted
 */
@ConfigurationProperties("gateway")
public record TrustedProxiesProperties(@Nullable List<String> trustedProxies) {

    /** The trusted proxies, empty when none is configured. */
    public List<String> proxies() {
        return trustedProxies == null ? List.of() : trustedProxies;
    }
}
