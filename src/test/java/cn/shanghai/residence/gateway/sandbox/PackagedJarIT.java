package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The jar the build packages, started as an operator or a container starts it ({@code java -jar}, no arguments but
 * ports): the sandbox must come up from the stubs inside the jar, sign a persona in and answer for her. Runs in
 * {@code verify} (failsafe), after {@code package} has built the jar.
 */
@TestMethodOrder(OrderAnnotation.class)
class PackagedJarIT {

    /** Readiness is asked at most this often, a quarter second apart (the jar starts in about 15 s on 2 cores). */
    private static final int READINESS_ATTEMPTS = 480;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    static Path log;
    static Path temporaryFiles;
    static Process gateway;
    static URI base;
    static HttpClient http;

    @BeforeAll
    static void startThePackagedJar() throws IOException {
        String packaged = System.getProperty("packagedJar");
        assertThat(packaged).as("system property packagedJar, set by failsafe in pom.xml").isNotBlank();
        Path jar = Path.of(packaged);
        assertThat(jar).as("the jar built by package").isRegularFile();
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        log = work.resolve("gateway.log");
        // Its own temporary directory, so the test can see the stub copy appear and go.
        temporaryFiles = Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporaryFiles,
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--gateway.sandbox.enabled=true"));
        for (Upstream upstream : Upstream.values()) {
            command.add("--gateway.sandbox.stub-ports." + upstream.id() + "=0");
        }
        gateway = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        awaitReadiness();
    }

    @AfterAll
    static void stopThePackagedJar() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void shouldServeTheStubsCopiedOutOfTheJar() throws IOException {
        assertThat(stubCopies()).as("stub copies in the jar's temporary directory").singleElement()
                .satisfies(copy -> assertThat(copy.resolve("police/mappings/persona-1004-eligible.json")).isRegularFile());
        assertThat(logText()).contains("Sandbox ready");

        JsonNode answer = graphql(null, "{ serviceCenters(district: \"静安区\", acceptsPermitPickup: true) { id } }");
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.at("/data/serviceCenters/0/id").asString()).isEqualTo("SC-310106-01");
    }

    @Test
    @Order(2)
    void shouldSignAPersonaInAndAnswerHerHomeScreen() throws IOException {
        HttpResponse<String> token = send(HttpRequest.newBuilder(base.resolve("/sandbox/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"persona\":\"ywtb-1004\"}")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).path("accessToken").asString();

        JsonNode answer = graphql(accessToken,
                "{ me { profile { name } residenceRegistration { registrationNo } journey { stage } } }");

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.at("/data/me/profile/name").asString()).isEqualTo("李娜");
        assertThat(answer.at("/data/me/residenceRegistration/registrationNo").asString()).isEqualTo("JZDJ3101153950795");
        assertThat(answer.at("/data/me/journey/stage").asString()).isEqualTo("ELIGIBLE_FOR_PERMIT");
    }

    @Test
    @Order(3)
    void shouldStopDeletingTheStubCopyAndLogNoException() throws IOException, InterruptedException {
        gateway.destroy();
        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();

        assertThat(stubCopies()).as("stub copies left behind (by close, or failing that deleteOnExit)").isEmpty();
        String text = logText();
        assertThat(text).contains("Graceful shutdown complete")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    private static void awaitReadiness() throws IOException {
        for (int attempt = 0; attempt < READINESS_ATTEMPTS; attempt++) {
            if (ready()) {
                return;
            }
            try {
                if (gateway.waitFor(250, TimeUnit.MILLISECONDS)) {
                    fail("java -jar exited with %d before it was ready:%n%s", gateway.exitValue(), logText());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("java -jar not ready after %d attempts:%n%s", READINESS_ATTEMPTS, logText());
    }

    private static boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode graphql(String token, String query) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> stubCopies() throws IOException {
        try (Stream<Path> files = Files.list(temporaryFiles)) {
            return files.filter(path -> path.getFileName().toString().startsWith("residence-gateway-stubs-")).toList();
        }
    }

    private static String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
