package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/**
 * The third-party files of the sandbox's pages (GraphiQL, React), served by the gateway from their WebJars so the
 * pages work with no internet and under a policy that loads nothing from elsewhere. Only these names are served.
 */
final class SandboxAssets {

    static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    /** Served name to its path inside the WebJar (under {@code META-INF/resources/webjars/<name>/<version>/}). */
    private static final Map<String, String> FILES = Map.of(
            "graphiql.min.js", "graphiql/*/graphiql.min.js",
            "graphiql.min.css", "graphiql/*/graphiql.min.css",
            "react.production.min.js", "react/*/umd/react.production.min.js",
            "react-dom.production.min.js", "react-dom/*/umd/react-dom.production.min.js");

    /** An asset and its content type. */
    record Asset(Resource resource, MediaType type) {
    }

    private final Map<String, Asset> assets;

    SandboxAssets() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Asset> found = new HashMap<>();
        FILES.forEach((name, path) -> {
            try {
                Resource[] matches = resolver.getResources("classpath*:META-INF/resources/webjars/" + path);
                if (matches.length != 1) {
                    throw new IllegalStateException("expected one WebJar file " + path + ", found " + matches.length);
                }
                found.put(name, new Asset(matches[0], name.endsWith(".css") ? CSS : JAVASCRIPT));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
        this.assets = Map.copyOf(found);
    }

    Optional<Asset> byName(String name) {
        return Optional.ofNullable(assets.get(name));
    }
}
