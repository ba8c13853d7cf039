package cn.shanghai.residence.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.Scrape;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules ({@code ops/prometheus/}) and the dashboard ({@code ops/grafana/}) read only metrics the gateway
 * really exports: every metric name in their expressions is in a scrape taken after a resident's home query, an
 * agency failing and a mutation. A renamed meter or a typo in a rule would otherwise alert on nothing, silently.
 */
class OpsFilesTests extends GatewayIntegrationTests {

    private static final Path RULES = Path.of("ops/prometheus/gateway-rules.yml");
    private static final Path DASHBOARD = Path.of("ops/grafana/residence-gateway.json");

    /** PromQL words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\()?)");

    private Set<String> exported;

    @BeforeEach
    void scrapeAfterTraffic() {
        as("ywtb-1003").document("{ me { profile { name } residencePermit { status } applications { id } } }")
                .execute();
        as("ywtb-1010").document("mutation { reportPermitLoss(input: {idempotencyKey: \"ops-files-0001\"}) "
                + "{ userErrors { code } } }").execute();
        outage(Upstream.POSTAL, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        as("ywtb-1006").document("{ me { applications { delivery { shipment { status } } } } }").execute();
        Scrape scrape = scrape();
        exported = scrape.names();
    }

    @Test
    void shouldAlertOnlyOnExportedMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        Set<String> recorded = new TreeSet<>();
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> fields = (Map<?, ?>) rule;
                expressions.add((String) fields.get("expr"));
                if (fields.get("record") != null) {
                    recorded.add((String) fields.get("record"));
                }
            }
        }
        Set<String> used = metricNames(expressions);
        used.removeAll(recorded);

        assertThat(used).as("metrics the rules read").contains("gateway_graphql_fields_seconds_count",
                "gateway_graphql_fields_seconds_bucket", "resilience4j_circuitbreaker_state",
                "gateway_cache_requests_total", "gateway_admission_shed_total", "gateway_upstream_calls_seconds_bucket");
        assertThat(exported).as("the scrape").containsAll(used);
        assertThat(metricNames(expressions)).as("recording rules used by the alerts").containsAll(recorded);
    }

    @Test
    void shouldChartOnlyExportedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        Set<String> rows = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                rows.add(panel.get("title").asString());
            }
            if (panel.has("targets")) {
                panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
            }
        }
        Set<String> used = metricNames(expressions);

        assertThat(rows).as("a row per agency, the edge and the mutations").contains("Agency: police",
                "Agency: housing", "Agency: bdc", "Agency: postal", "Edge: /graphql", "Mutations");
        assertThat(used).as("metrics the dashboard charts").hasSizeGreaterThan(10);
        assertThat(exported).as("the scrape").containsAll(used);
    }

    @Test
    void shouldDocumentOnlyExportedMetrics() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Metrics and alerts"), readme.indexOf("## Under load"));
        Matcher named = Pattern.compile("`((?:gateway|resilience4j|http_server|process)_[a-z0-9_]+)`").matcher(section);
        Set<String> documented = new TreeSet<>();
        while (named.find()) {
            documented.add(named.group(1));
        }

        assertThat(documented).as("metrics the README names").hasSizeGreaterThan(15);
        // Its tags name the enum that met an unknown code, so it exists from the first one on: none in this traffic.
        documented.remove("gateway_upstream_unknown_values_total");
        for (String name : documented) {
            assertThat(exported).as("README's " + name).containsAnyOf(name, name + "_count", name + "_total");
        }
    }

    /** The metric names in PromQL expressions: identifiers outside strings, label matchers, ranges and groupings. */
    static Set<String> metricNames(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String bare = expression
                    .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\$\\w+", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                String word = identifier.group();
                boolean function = identifier.group(1) != null;
                boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
                if (!function && !number && !KEYWORDS.contains(word)) {
                    names.add(word);
                }
            }
        }
        return names;
    }
}
