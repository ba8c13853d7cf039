package cn.shanghai.residence.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Per-upstream connection settings under {@code gateway.upstreams.<police|housing|bdc|postal>}. */
@ConfigurationProperties("gateway")
public record UpstreamsProperties(Map<Upstream, Settings> upstreams) {

    public UpstreamsProperties {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
    }

    public Settings settings(Upstream upstream) {
        Settings settings = upstreams.get(upstream);
        return settings == null ? Settings.DEFAULTS : settings;
    }

    /**
     * @param baseUrl        base URL up to and including the version path ({@code https://host/police/v1});
     *                       optional in the sandbox, where the embedded stub answers instead
     * @param connectTimeout TCP connect timeout
     * @param timeout        time allowed for the whole response, body included
     */
    public record Settings(URI baseUrl, Duration connectTimeout, Duration timeout) {
        static final Settings DEFAULTS = new Settings(null, null, null);

        public Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }
    }
}
