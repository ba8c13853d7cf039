package cn.shanghai.residence.stubs.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The four stubs on their own ({@code stubs/run.sh}): one process, one {@link SandboxWorld} shared by police,
 * housing, bdc and postal, so an approval at police shows at bdc and EMS. Usage:
 * {@code StandaloneStubs <stubs-dir> [police=8081] [housing=8082] [bdc=8083] [postal=8084] [--verbose]}.
 */
public final class StandaloneStubs implements AutoCloseable {

    public static final List<String> UPSTREAMS = List.of("police", "housing", "bdc", "postal");

    private final SandboxWorld world = new SandboxWorld(SandboxClock.system());
    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();

    /** Starts the four stubs from {@code stubsDir}; a port of 0 picks a free one. */
    public StandaloneStubs(Path stubsDir, Map<String, Integer> ports, boolean verbose) {
        try {
            for (String upstream : UPSTREAMS) {
                WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                        .port(ports.getOrDefault(upstream, 0))
                        .usingFilesUnderDirectory(stubsDir.resolve(upstream).toString())
                        .notifier(new ConsoleNotifier(verbose))
                        .extensions(world.extensions()));
                servers.put(upstream, server);
                server.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public int port(String upstream) {
        return servers.get(upstream).port();
    }

    public SandboxWorld world() {
        return world;
    }

    @Override
    public void close() {
        servers.values().forEach(server -> {
            if (server.isRunning()) {
                server.stop();
            }
        });
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: StandaloneStubs <stubs-dir> [police=8081] [housing=8082] [bdc=8083] [postal=8084] [--verbose]");
            System.exit(2);
        }
        Map<String, Integer> ports = new LinkedHashMap<>(Map.of("police", 8081, "housing", 8082, "bdc", 8083, "postal", 8084));
        boolean verbose = false;
        List<String> unknown = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (args[i].equals("--verbose")) {
                verbose = true;
            } else if (pair.length == 2 && ports.containsKey(pair[0])) {
                ports.put(pair[0], Integer.parseInt(pair[1]));
            } else {
                unknown.add(args[i]);
            }
        }
        if (!unknown.isEmpty()) {
            System.err.println("unknown arguments " + unknown + "; only <upstream>=<port> and --verbose");
            System.exit(2);
        }
        StandaloneStubs stubs = new StandaloneStubs(Path.of(args[0]), ports, verbose);
        Runtime.getRuntime().addShutdownHook(new Thread(stubs::close));
        for (String upstream : UPSTREAMS) {
            System.out.printf("  %-8s http://localhost:%d/%s/v1%n", upstream, stubs.port(upstream), upstream);
        }
        System.out.println("Stubs are up (one sandbox world, clock at /__admin/sandbox/clock). Ctrl-C stops all four.");
    }
}
