package cn.shanghai.residence.gateway.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.upstream.Upstream;

/**
 * What every replica of a multi-replica test is started with, written once: production mode on free ports (an
 * operators' port each), the store in one Redis under the test's key prefix, the test's token issuer, and one set
 * of agencies. Each test adds its own settings to the map before starting a replica.
 */
public final class ReplicaSettings {

    private ReplicaSettings() {
    }

    /** The shared settings, in a map the caller may add to or override. */
    public static Map<String, String> onRedis(int redisPort, String keyPrefix, Path publicKey, StubServers agencies) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gateway.sandbox.enabled", "false");
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("gateway.store", "redis");
        settings.put("spring.data.redis.host", "127.0.0.1");
        settings.put("spring.data.redis.port", String.valueOf(redisPort));
        // A busy CI machine must not turn a slow answer into "Redis down" (a per-replica budget); a stopped Redis is
        // still seen at once, because commands are refused while disconnected.
        settings.put("spring.data.redis.timeout", "5s");
        settings.put("gateway.redis.key-prefix", keyPrefix);
        settings.put("gateway.security.issuer", TestIdentityProvider.ISSUER);
        settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKey);
        for (Upstream upstream : Upstream.values()) {
            settings.put("gateway.upstreams." + upstream.id() + ".base-url", agencies.baseUrl(upstream).toString());
        }
        return settings;
    }

    /** The settings as command-line arguments for {@code SpringApplicationBuilder.run}. */
    public static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
