package cn.shanghai.residence.gateway.web;

import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Abuse limits: each is refused with a typed code before any upstream is called, and nothing crashes. */
class AbuseLimitTests extends GatewayIntegrationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldRefuseAQueryNestedTooDeep() {
        String deep = "personId " + "dependents { ".repeat(10) + "personId" + " }".repeat(10);
        refused(query("{ me { " + deep + " } }"), 200, "QUERY_TOO_COMPLEX", "nested deeper than 10");
    }

    @Test
    void shouldRefuseTooManyAliases() {
        StringBuilder aliases = new StringBuilder("{ me { ");
        for (int i = 0; i < 21; i++) {
            aliases.append("a").append(i).append(": residencePermit { status } ");
        }
        refused(query(aliases.append("} }").toString()), 200, "QUERY_TOO_COMPLEX", "aliases");
    }

    @Test
    void shouldCutAFragmentFanOutBombBeforeValidation() {
        StringBuilder document = new StringBuilder("{ me { ...F0 } } ");
        for (int level = 0; level < 8; level++) {
            String next = "...F" + (level + 1) + " ";
            document.append("fragment F").append(level).append(" on Citizen { personId ")
                    .append(next.repeat(3)).append("} ");
        }
        document.append("fragment F8 on Citizen { personId } ");
        refused(query(document.toString()), 200, "QUERY_TOO_COMPLEX", "more than 250 fields");
    }

    @Test
    void shouldAnswerCircularFragmentsWithAnErrorNotACrash() {
        refused(query("{ me { ...A } } fragment A on Citizen { dependents { ...B } } "
                + "fragment B on Citizen { dependents { ...A } }"), 200, "BAD_REQUEST", "");
    }

    @Test
    void shouldRefuseTooManyTokens() {
        refused(query("{ faqs { " + "id ".repeat(2_100) + "} }"), 200, "BAD_REQUEST", "");
    }

    @Test
    void shouldRefuseADocumentTooLarge() {
        refused(query("{ faqs { id } }" + " ".repeat(17_000)), 400, "QUERY_TOO_COMPLEX", "16384 bytes");
    }

    @Test
    void shouldRefuseABodyTooLarge() {
        String padding = "x".repeat(70_000);
        send("{\"query\":\"{ faqs { id } }\",\"extensions\":{\"padding\":\"" + padding + "\"}}")
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseLongListsInArgumentsAndVariables() {
        String types = String.join(", ", Collections.nCopies(101, "ID_CARD"));
        refused(query("{ me { eLicenses(types: [" + types + "]) { id } } }"), 200, "QUERY_TOO_COMPLEX",
                "more than 100 items");

        String variableList = String.join(",", Collections.nCopies(101, "\"ID_CARD\""));
        send("{\"query\":\"query($t: [ELicenseType!]) { me { eLicenses(types: $t) { id } } }\","
                + "\"variables\":{\"t\":[" + variableList + "]}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldHoldAGetToTheSameLimitsAsAPost() {
        String variableList = String.join(",", Collections.nCopies(101, "\"ID_CARD\""));
        webTestClient.get()
                .uri(builder -> builder.path("/graphql").queryParam("query", "{query}")
                        .queryParam("variables", "{variables}")
                        .build("query($t: [ELicenseType!]) { me { eLicenses(types: $t) { id } } }",
                                "{\"t\":[" + variableList + "]}"))
                .headers(h -> h.setBearerAuth(tokenFor("ywtb-1010")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseRepeatedDirectives() {
        refused(query("{ faqs @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) "
                + "@include(if: true) { id } }"), 200, "QUERY_TOO_COMPLEX", "directives");
    }

    @Test
    void shouldSurviveDeeplyNestedInput() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        send("{\"query\":\"{ faqs { id } }\",\"variables\":{\"deep\":" + nested + "}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("QUERY_TOO_COMPLEX");
        postQuery(null, "{ faqs(keyword: \"签注\") { id } }").expectStatus().isOk();
    }

    private void refused(WebTestClient.ResponseSpec response, int status, String code, String message) {
        response.expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(message))
                .jsonPath("$.data").doesNotExist();
        assertThat(allUpstreamCalls()).as("upstream calls").isZero();
    }

    /** In English, to read the limits' numbers in the refusals' words. */
    private WebTestClient.ResponseSpec query(String document) {
        return graphQlPost("ywtb-1010").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .bodyValue(Map.of("query", document)).exchange();
    }

    private WebTestClient.ResponseSpec send(String body) {
        return postBody("ywtb-1010", body);
    }
}
