package cn.shanghai.residence.gateway.web;

import java.net.URI;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraphQL over HTTP specification, optional parts included. */
class GraphQlOverHttpTests extends GatewayIntegrationTests {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldAnswerInTheMediaTypeAskedFor() {
        post("{\"query\":\"{ faqs(keyword: \\\"签注\\\") { id } }\"}", GRAPHQL_RESPONSE)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data.faqs[0].id").exists();
        post("{\"query\":\"{ faqs(keyword: \\\"签注\\\") { id } }\"}", MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void shouldAnswerQueriesOverGetWithEncodedVariables() {
        webTestClient.get().uri(uri("query($d: String){ serviceCenters(district: $d) { id district } }",
                        "{\"d\":\"长宁区\"}"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.serviceCenters[0].district").isEqualTo("长宁区");
    }

    @Test
    void shouldNeverRunAMutationOverGet() {
        webTestClient.get().uri(uri("mutation { startRentalContractFiling { url } }", null))
                .headers(h -> h.setBearerAuth(tokenFor("ywtb-1001")))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
        assertThat(requestsTo(Upstream.HOUSING, "ANY", "/.*")).isZero();
    }

    @Test
    void shouldRefuseGetVariablesThatAreNotAnObject() {
        webTestClient.get().uri(uri("{ faqs { id } }", "[1,2]"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"query\": 5}",
            "{\"query\": \"{ faqs { id } }\", \"operationName\": 5}",
            "{\"query\": \"{ faqs { id } }\", \"variables\": \"x\"}",
            "{\"query\": \"{ faqs { id } }\", \"extensions\": [1]}",
            "{\"query\": ",
            "[{\"query\": \"{ faqs { id } }\"}]",
            ""})
    void shouldAnswer400ToAMalformedRequest(String body) {
        post(body, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.data").doesNotExist();
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldAnswerASyntaxErrorWith400InTheGraphQlResponseMediaType() {
        post("{\"query\":\"{ faqs { id \"}", GRAPHQL_RESPONSE)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"})
    void shouldRefuseSimpleRequestContentTypesAgainstCsrf(String contentType) {
        graphQlPost("ywtb-1010")
                .headers(h -> h.set("Content-Type", contentType))
                .bodyValue("{\"query\":\"mutation { reportPermitLoss(input: {idempotencyKey: \\\"csrf-key-01\\\"}) "
                        + "{ userErrors { code } } }\"}")
                .exchange()
                .expectStatus().isEqualTo(415);
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldGiveGraphQlsOwnErrorsATypedCode() {
        post("{\"query\":\"{ faq { id } }\"}", MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).doesNotContain("Did you mean"));
    }

    private WebTestClient.ResponseSpec post(String body, MediaType accept) {
        return graphQlPost(null).accept(accept).bodyValue(body).exchange();
    }

    /** GET /graphql with the query and variables as URL-encoded parameters. */
    private static Function<UriBuilder, URI> uri(String query, String variables) {
        return builder -> {
            builder.path("/graphql").queryParam("query", "{query}");
            if (variables == null) {
                return builder.build(query);
            }
            return builder.queryParam("variables", "{variables}").build(query, variables);
        };
    }
}
