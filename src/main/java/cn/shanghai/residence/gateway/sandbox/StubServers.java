package cn.shanghai.residence.gateway.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.beans.factory.DisposableBean;

import cn.shanghai.residence.gateway.upstream.EmbeddedUpstreams;
import cn.shanghai.residence.stubs.world.SandboxWorld;
import cn.shanghai.residence.gateway.upstream.Upstream;

/**
 * The four agencies' WireMock stubs, started in-process from {@code stubs/<upstream>} so the sandbox, the tests
 * and integrators all use the same stub files, with the stubs' own extension over one shared sandbox world.
 */
public final class StubServers implements EmbeddedUpstreams, DisposableBean {

    private final Map<Upstream, WireMockServer> servers = new EnumMap<>(Upstream.class);
    private final StubRoots roots;

    private final SandboxWorld world;

    public StubServers(SandboxProperties properties, SandboxWorld world) {
        this.world = world;
        roots = StubRoots.open(properties.stubsLocation());
        try {
            for (Upstream upstream : Upstream.values()) {
                WireMockServer server = new WireMockServer(configuration(properties, upstream, roots.of(upstream))
                        .extensions(world.extensions()));
                servers.put(upstream, server);
                server.start();
            }
            servers.values().forEach(StubWarmUp::render);
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    private static WireMockConfiguration configuration(SandboxProperties properties, Upstream upstream, Path root) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(properties.port(upstream))
                .notifier(new Slf4jNotifier(false))
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16)
                .containerThreads(64)
                .maxRequestJournalEntries(10_000);
        return options.usingFilesUnderDirectory(root.toString());
    }

    /** The world all four stubs share: what residents did in this sandbox. */
    public SandboxWorld world() {
        return world;
    }

    @Override
    public URI baseUrl(Upstream upstream) {
        return URI.create("http://127.0.0.1:" + server(upstream).port() + upstream.basePath());
    }

    /** The running stub server of an upstream, for tests that read its request journal or add faults. */
    public WireMockServer server(Upstream upstream) {
        return servers.get(upstream);
    }

    @Override
    public void destroy() {
        servers.values().forEach(server -> {
            if (server.isRunning()) {
                server.stop();
            }
        });
        roots.close();
    }
}
