package cn.shanghai.residence.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.Scrape;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.web.ErrorCode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus reads after a resident's home query and an agency failing: the documented series,
 * with latency histograms, and tag values only from closed sets (never a person, an application or a document).
 */
class MetricsScrapeTests extends GatewayIntegrationTests {

    private static final String HOME = "{ me { profile { name } residenceRegistration { registeredOn } "
            + "residencePermit { status } applications { id } journey { stage } reminders { kind } } }";
    private static final String LOSS = "mutation { reportPermitLoss(input: {idempotencyKey: \"metrics-loss-0001\"}) "
            + "{ application { id } userErrors { code } } }";

    /** Personal values a tag must never hold: persona, application, licence, photo and attachment ids, long numbers. */
    private static final Pattern PERSONAL = Pattern.compile("ywtb-|APL-|EL-|PH-|ATT-|\\d{6,}");

    @Test
    void shouldExportTheDocumentedSeriesAfterAHomeQueryAndAFailingAgency() {
        double replaysBefore = scrape().sum("gateway_idempotency_replays_total", Map.of());

        as("ywtb-1003").document(HOME).execute().errors().verify();
        as("ywtb-1010").document(LOSS).execute().path("reportPermitLoss.userErrors").entityList(Object.class)
                .hasSize(0);
        as("ywtb-1010").document(LOSS).execute().path("reportPermitLoss.userErrors").entityList(Object.class)
                .hasSize(0);
        outage(Upstream.BDC, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        as("ywtb-1006").document("{ me { profile { name } residencePermit { status } } }").execute()
                .errors().expect(error -> "UPSTREAM_UNAVAILABLE".equals(error.getExtensions().get("code")))
                .verify();

        Scrape scrape = scrape();
        assertThat(scrape.sum("gateway_graphql_fields_seconds_count", Map.of("field", "me.profile", "outcome", "OK")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("gateway_graphql_fields_seconds_count",
                Map.of("field", "me.profile", "outcome", "UPSTREAM_UNAVAILABLE"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("gateway_graphql_fields_seconds_count",
                Map.of("field", "me.residencePermit", "outcome", "OK"))).isGreaterThanOrEqualTo(2);
        assertThat(scrape.sum("gateway_graphql_fields_seconds_count",
                Map.of("field", "me", "outcome", "UPSTREAM_UNAVAILABLE"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("gateway_graphql_fields_seconds_count",
                Map.of("field", "reportPermitLoss", "outcome", "OK"))).isGreaterThanOrEqualTo(2);
        assertThat(scrape.exists("gateway_graphql_fields_seconds_bucket", Map.of("field", "me", "le", "1.0")))
                .as("me's latency histogram at the 1 s objective").isTrue();
        assertThat(scrape.sum("gateway_graphql_errors_total", Map.of("code", "UPSTREAM_UNAVAILABLE")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("gateway_upstream_calls_seconds_count",
                Map.of("upstream", "bdc", "resource", "bdc-profile", "outcome", "UPSTREAM_UNAVAILABLE")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.exists("gateway_upstream_calls_seconds_bucket",
                Map.of("upstream", "police", "outcome", "SUCCESS", "le", "0.25"))).isTrue();
        assertThat(scrape.sum("gateway_cache_requests_total", Map.of("resource", "bdc-profile", "result", "miss")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("resilience4j_circuitbreaker_state", Map.of("name", "police", "state", "closed")))
                .isEqualTo(1);
        assertThat(scrape.sum("resilience4j_circuitbreaker_state", Map.of("name", "bdc")))
                .as("bdc's breaker is in exactly one state").isEqualTo(1);
        assertThat(scrape.exists("http_server_requests_seconds_bucket", Map.of("uri", "/graphql", "le", "1.0")))
                .isTrue();
        assertThat(scrape.names()).contains("gateway_admission_shed_total", "gateway_admission_limit",
                "gateway_rate_limit_refused_total", "gateway_cache_bytes");
        assertThat(scrape.sum("gateway_idempotency_replays_total", Map.of()) - replaysBefore)
                .as("the second loss report with the same key was a replay").isEqualTo(1);

        assertBoundedTags(scrape);
    }

    private static void assertBoundedTags(Scrape scrape) {
        Set<String> upstreams = Arrays.stream(Upstream.values()).map(Upstream::id).collect(Collectors.toSet());
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> outcomes = new TreeSet<>(codes);
        outcomes.addAll(Set.of("OK", "SUCCESS", "CANCELLED", "CLIENT_ERROR", "SERVER_ERROR", "REDIRECTION",
                "INFORMATIONAL", "UNKNOWN"));
        Set<String> fields = schemaFields();
        Map<String, Set<String>> closed = Map.of(
                "upstream", upstreams,
                "code", codes,
                "outcome", outcomes,
                "result", Set.of("hit", "miss", "stale"),
                "caller", Set.of("person", "anonymous"));
        Pattern resource = Pattern.compile("(police|housing|bdc|postal)-[a-z-]+|service-centers");
        int gatewaySeries = 0;
        for (Scrape.Series series : scrape.series()) {
            series.labels().forEach((key, value) -> assertThat(PERSONAL.matcher(value).find())
                    .as("%s{%s=%s}", series.name(), key, value).isFalse());
            if (!series.name().startsWith("gateway_")) {
                continue;
            }
            gatewaySeries++;
            for (Map.Entry<String, String> label : series.labels().entrySet()) {
                String key = label.getKey();
                String value = label.getValue();
                String where = series.name() + "{" + key + "=" + value + "}";
                switch (key) {
                    case "le" -> assertThat(value).as(where).matches("[0-9.]+|\\+Inf");
                    case "resource" -> assertThat(value).as(where).matches(resource);
                    case "field" -> assertThat(value).as(where).isIn(series.name().startsWith("gateway_upstream_unknown")
                            ? Set.of(value.matches("[A-Z][A-Za-z]*\\.[A-Z][A-Za-z]*") ? value : "?") : fields);
                    default -> assertThat(closed).as("a tag of a closed set: " + where).containsKey(key)
                            .extractingByKey(key).satisfies(allowed -> assertThat(allowed).as(where).contains(value));
                }
            }
        }
        assertThat(gatewaySeries).as("gateway series checked").isGreaterThan(50);
    }

    /** The closed set of field tags: the root fields, the mutations, and me's sections as the schema declares them. */
    private static Set<String> schemaFields() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> fields = new TreeSet<>();
        for (String root : new String[] {"Query", "Mutation"}) {
            registry.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()
                    .forEach(field -> fields.add(field.getName()));
        }
        Stream.concat(Stream.of(registry.getType("Citizen", ObjectTypeDefinition.class).orElseThrow()),
                        registry.objectTypeExtensions().getOrDefault("Citizen", java.util.List.of()).stream())
                .flatMap(type -> type.getFieldDefinitions().stream())
                .map(FieldDefinition::getName)
                .forEach(name -> fields.add("me." + name));
        assertThat(fields).contains("me", "me.profile", "me.applications", "submitResidenceRegistration");
        return fields;
    }
}
