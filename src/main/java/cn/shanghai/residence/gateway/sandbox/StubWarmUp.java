package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every stub's documented GET example once when the stubs start, then clears the request journal. The
 * persona files are large response templates (40 KB for police's applications), compiled on first use: on a busy
 * machine the first render took longer than the gateway's upstream timeout, so the first resident's read (or the
 * first test of a run) failed where every later one succeeded.
 */
final class StubWarmUp {

    private static final Logger log = LoggerFactory.getLogger(StubWarmUp.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StubWarmUp() {
    }

    static void render(WireMockServer server) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
        for (StubMapping mapping : server.listAllStubMappings().getMappings()) {
            Metadata metadata = mapping.getMetadata();
            if (metadata == null || !metadata.containsKey("example")) {
                continue;
            }
            Metadata example = metadata.getMetadata("example");
            if (!"GET".equals(example.getString("method", null)) || example.getString("url", null) == null) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + example.getString("url"))).timeout(PATIENCE).GET().build();
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                log.debug("Stub warm-up request failed: {}", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        server.resetRequests();
    }
}
