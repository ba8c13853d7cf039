package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamEndpoints;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTests extends GatewayIntegrationTests {

    @Autowired
    UpstreamEndpoints endpoints;

    @Test
    void shouldServeGraphiQl() {
        webTestClient.get().uri("/graphiql?path=/graphql").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).containsIgnoringCase("graphiql"));
    }

    @Test
    void shouldReportUp() {
        webTestClient.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void shouldPointEveryUpstreamAtItsEmbeddedStub() {
        for (Upstream upstream : Upstream.values()) {
            assertThat(endpoints.baseUrl(upstream).toString())
                    .isEqualTo("http://127.0.0.1:" + stub(upstream).port() + upstream.basePath());
        }
    }

    /** Every persona of stubs/PERSONAS.md (the source of truth), no more and no fewer. */
    @Test
    void shouldListTheDemoPersonas() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (ywtb-\\d+) \\|")
                .matcher(Files.readString(Path.of("stubs/PERSONAS.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).hasSizeGreaterThanOrEqualTo(15);

        webTestClient.get().uri("/sandbox/personas")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(documented.size())
                .jsonPath("$[*].id").value(ids -> assertThat(new TreeSet<>((List<?>) ids))
                        .isEqualTo(documented))
                .jsonPath("$[3].id").isEqualTo("ywtb-1004")
                .jsonPath("$[3].name").isEqualTo("李娜")
                .jsonPath("$[3].situation").isEqualTo("eligible");
    }

    @Test
    void shouldIssueAVerifiableTokenForAPersona() throws Exception {
        Map<?, ?> token = webTestClient.post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", "ywtb-1004"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        String accessToken = (String) token.get("accessToken");
        Instant expiresAt = Instant.parse((String) token.get("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        String[] parts = accessToken.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"");
        assertThat(claims).contains("\"sub\":\"ywtb-1004\"").contains("\"aud\":\"residence-gateway\"")
                .contains("\"iss\":\"https://sandbox.residence-gateway.local/issuer\"");
    }

    @Test
    void shouldRefuseATokenForSomeoneWhoIsNotAPersona() {
        webTestClient.post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", "ywtb-9999"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_USER_INPUT");
        webTestClient.post().uri("/sandbox/token")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("ywtb-1004")
                .exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void shouldOfferAPersonaPickerPage() {
        webTestClient.get().uri("/sandbox").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script src=\"/sandbox/index.js\"></script>"));
        webTestClient.get().uri("/sandbox/index.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("/sandbox/personas").contains("/sandbox/token").contains("graphiql:headers"));
    }

    @Test
    void shouldServeTheProgressPageAndItsScriptUnderAPolicyThatRunsOnlyTheGatewaysFiles() {
        webTestClient.get().uri("/sandbox/progress").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'").contains("connect-src 'self'").doesNotContain("unsafe-eval"))
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script src=\"/sandbox/progress.js\"></script>").contains("+2 小时"));
        webTestClient.get().uri("/sandbox/progress.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("graphql-transport-ws").contains("myUpdates(after: $after)")
                        .doesNotContain("innerHTML"));
    }

    @Test
    void shouldServeTheSchemaFromTheSchemaFolder() {
        webTestClient.get().uri("/graphql/schema")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(schema -> assertThat(schema)
                        .contains("serviceCenters(acceptsPermitPickup: Boolean, district: String)")
                        .contains("type Faq"));
    }

    /** The codes no field returns are served too, documented, so a code generator gives frontends the full list. */
    @Test
    void shouldServeTheErrorCodesThoughNoFieldReturnsThem() {
        webTestClient.get().uri("/graphql/schema")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(schema -> assertThat(schema)
                        .contains("enum ErrorCode {")
                        .contains("The shared store (Redis) did not answer")
                        .contains("STORE_UNAVAILABLE")
                        .contains("enum UserErrorCode {"));
    }
}
