package cn.shanghai.residence.gateway.upstream;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/**
 * The base URL each upstream is called at, decided once at start-up: the configured URL when there is one,
 * else the sandbox's stub. Fails fast with the offending property named, so a production gateway never starts
 * with a missing or malformed upstream.
 */
public final class UpstreamEndpoints {

    private final Map<Upstream, URI> baseUrls = new EnumMap<>(Upstream.class);

    public UpstreamEndpoints(UpstreamsProperties properties, @Nullable EmbeddedUpstreams embedded) {
        for (Upstream upstream : Upstream.values()) {
            URI configured = properties.settings(upstream).baseUrl();
            String property = "gateway.upstreams." + upstream.id() + ".base-url";
            if (configured != null) {
                baseUrls.put(upstream, validated(upstream, property, configured));
            } else if (embedded != null) {
                baseUrls.put(upstream, embedded.baseUrl(upstream));
            } else {
                throw new InvalidConfigurationException(property,
                        "is missing and the sandbox is off (gateway.sandbox.enabled=false)");
            }
        }
    }

    public URI baseUrl(Upstream upstream) {
        return baseUrls.get(upstream);
    }

    private static URI validated(Upstream upstream, String property, URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidConfigurationException(property, "'" + url + "' is not an absolute http(s) URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new InvalidConfigurationException(property, "'" + url + "' has no host");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new InvalidConfigurationException(property,
                    "'" + url + "' must not carry credentials, a query or a fragment");
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        if (!path.endsWith(upstream.basePath())) {
            throw new InvalidConfigurationException(property,
                    "'" + url + "' must end with the API version path " + upstream.basePath());
        }
        return URI.create(url.toString().replaceAll("/+$", ""));
    }
}
