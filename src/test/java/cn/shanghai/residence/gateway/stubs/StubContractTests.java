package cn.shanghai.residence.gateway.stubs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the stubs and the upstream contracts from drifting apart: every stub mapping is requested for real and
 * its response checked against {@code stubs/<upstream>/openapi.yaml}, and every endpoint of DESIGN.md §3 must be
 * both in the contract and stubbed.
 */
class StubContractTests extends GatewayIntegrationTests {

    static final Path STUBS = Path.of("stubs");

    static final Map<Upstream, Set<String>> DESIGN_OPERATIONS = Map.of(
            Upstream.POLICE, Set.of(
                    "GET /persons/{personId}/residence-registration",
                    "GET /persons/{personId}/residence-permit",
                    "GET /persons/{personId}/applications",
                    "GET /applications/{applicationId}",
                    "POST /applications",
                    "GET /persons/{personId}/dependents",
                    "POST /attachments",
                    // Not in DESIGN.md §3 yet: the owner check of an attachment before an application references it.
                    "GET /attachments/{attachmentId}"),
            Upstream.HOUSING, Set.of(
                    "GET /persons/{personId}/properties",
                    "GET /persons/{personId}/rental-contracts",
                    "POST /rental-filing/sessions"),
            Upstream.BDC, Set.of(
                    "GET /persons/{personId}/profile",
                    "GET /persons/{personId}/elicenses",
                    "POST /elicenses:batchGet",
                    "GET /persons/{personId}/photos",
                    "POST /persons/{personId}/photos",
                    "GET /service-centers"),
            Upstream.POSTAL, Set.of("GET /shipments"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldDeclareEveryEndpointOfTheDesignInTheContracts() {
        for (Upstream upstream : Upstream.values()) {
            assertThat(UpstreamContract.load(STUBS, upstream).operations())
                    .as(upstream.id())
                    .containsAll(DESIGN_OPERATIONS.get(upstream));
        }
    }

    @Test
    void shouldStubEveryOperationOfTheContracts() {
        for (Upstream upstream : Upstream.values()) {
            Set<String> stubbed = new TreeSet<>();
            for (Mapping mapping : mappings(upstream)) {
                stubbed.add(mapping.operation());
            }
            assertThat(stubbed).as(upstream.id()).isEqualTo(UpstreamContract.load(STUBS, upstream).operations());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStubResponseConformsToItsContract() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            UpstreamContract contract = UpstreamContract.load(STUBS, upstream);
            for (Mapping mapping : mappings(upstream)) {
                tests.add(DynamicTest.dynamicTest(upstream.id() + " " + mapping.describe(),
                        () -> checkAgainstContract(upstream, contract, mapping)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(60);
        return tests.stream();
    }

    @Test
    void shouldDetectABodyThatBreaksTheContract() throws Exception {
        UpstreamContract police = UpstreamContract.load(STUBS, Upstream.POLICE);
        String operation = "GET /persons/{personId}/residence-registration";
        JsonNode valid = JSON.readTree(send(Upstream.POLICE, "GET",
                "/police/v1/persons/ywtb-1004/residence-registration", Map.of(), null).body());
        assertThat(police.violations(operation, 200, valid)).isEmpty();

        ObjectNode badEnum = (ObjectNode) valid.deepCopy();
        badEnum.put("status", "MAYBE");
        ObjectNode missingField = (ObjectNode) valid.deepCopy();
        missingField.remove("registrationNo");
        ObjectNode extraField = (ObjectNode) valid.deepCopy();
        extraField.put("idNumber", "310101199001011234");
        ObjectNode badDate = (ObjectNode) valid.deepCopy();
        badDate.put("registeredOn", "01/03/2026");

        assertThat(police.violations(operation, 200, badEnum)).isNotEmpty();
        assertThat(police.violations(operation, 200, missingField)).isNotEmpty();
        assertThat(police.violations(operation, 200, extraField)).isNotEmpty();
        assertThat(police.violations(operation, 200, badDate)).isNotEmpty();
    }

    private void checkAgainstContract(Upstream upstream, UpstreamContract contract, Mapping mapping)
            throws Exception {
        HttpResponse<String> response = send(upstream, mapping.method(), mapping.url(), mapping.headers(),
                mapping.body());
        assertThat(response.body()).as("unrendered template in " + mapping.describe()).doesNotContain("{{");
        assertThat(response.headers().firstValue("Matched-Stub-Name")).as("the mapping that answered "
                + mapping.describe()).hasValue(mapping.name());
        assertThat(contract.statuses(mapping.operation()))
                .as("HTTP status of " + mapping.describe())
                .contains(response.statusCode());
        assertThat(response.headers().firstValue("Content-Type")).as("content type of " + mapping.describe())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(contract.violations(mapping.operation(), response.statusCode(), body, mapping.unknownEnumValues()))
                .as(mapping.describe() + " answered " + response.body())
                .isEmpty();
        for (String unknown : mapping.unknownEnumValues()) {
            assertThat(response.body().contains("\"" + unknown + "\""))
                    .as(mapping.describe() + " lists " + unknown + " in unknownEnumValues but never answers it")
                    .isTrue();
        }
    }

    @Test
    void shouldTolerateOnlyTheUnknownValuesAMappingDeclares() throws Exception {
        UpstreamContract police = UpstreamContract.load(STUBS, Upstream.POLICE);
        String operation = "GET /persons/{personId}/residence-registration";
        ObjectNode body = (ObjectNode) JSON.readTree(send(Upstream.POLICE, "GET",
                "/police/v1/persons/ywtb-1004/residence-registration", Map.of(), null).body());
        body.put("status", "SUSPENDED");

        assertThat(police.violations(operation, 200, body, Set.of("SUSPENDED"))).isEmpty();
        assertThat(police.violations(operation, 200, body, Set.of("PENDING_PAYMENT"))).isNotEmpty();
        body.remove("registrationNo");
        assertThat(police.violations(operation, 200, body, Set.of("SUSPENDED"))).as("a missing field still counts")
                .isNotEmpty();
    }

    private HttpResponse<String> send(Upstream upstream, String method, String url, Map<String, String> headers,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URI.create(stub(upstream).baseUrl() + url)
                .toASCIIString()));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The request a stub mapping answers, read from its exact URL or from {@code metadata.example}, and the values
     * outside the contract's enums it answers on purpose ({@code metadata.unknownEnumValues}).
     */
    record Mapping(String file, String name, String operation, String method, String url,
            Map<String, String> headers, String body, Set<String> unknownEnumValues) {

        String describe() {
            return method + " " + url + " (" + file + ")";
        }
    }

    private static final Map<Upstream, List<Mapping>> MAPPINGS = new EnumMap<>(Upstream.class);

    static synchronized List<Mapping> mappings(Upstream upstream) {
        return MAPPINGS.computeIfAbsent(upstream, StubContractTests::readMappings);
    }

    private static List<Mapping> readMappings(Upstream upstream) {
        List<Mapping> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.list(STUBS.resolve(upstream.id()).resolve("mappings"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readString(file));
                Iterable<JsonNode> nodes = root.has("mappings") ? root.get("mappings") : List.of(root);
                for (JsonNode node : nodes) {
                    if (!node.path("metadata").path("fault").asBoolean(false)) {
                        mappings.add(toMapping(file.getFileName().toString(), node));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the " + upstream.id() + " stubs", e);
        }
        return mappings;
    }

    private static Mapping toMapping(String file, JsonNode node) {
        JsonNode metadata = node.path("metadata");
        String operation = metadata.path("operation").asString("");
        if (operation.isEmpty()) {
            fail(file + ": a mapping lacks metadata.operation: " + node.path("request"));
        }
        Set<String> unknown = new TreeSet<>();
        metadata.path("unknownEnumValues").values().forEach(value -> unknown.add(value.asString()));
        JsonNode example = metadata.path("example");
        if (!example.isMissingNode()) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            example.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
            JsonNode body = example.path("body");
            return new Mapping(file, node.path("name").asString(), operation, example.path("method").asString("GET"),
                    example.path("url").asString(), headers,
                    body.isMissingNode() ? null : body.isString() ? body.asString() : body.toString(), unknown);
        }
        JsonNode request = node.path("request");
        String url = request.path("url").asString(request.path("urlPath").asString(""));
        String method = request.path("method").asString("ANY");
        boolean plainGet = (method.equals("GET") || method.equals("ANY")) && !url.isEmpty()
                && !request.has("bodyPatterns") && !request.has("headers") && !request.has("queryParameters");
        if (!plainGet) {
            fail(file + ": a mapping needs an exact GET url or metadata.example: " + request);
        }
        return new Mapping(file, node.path("name").asString(), operation, "GET", url, Map.of(), null, unknown);
    }
}
