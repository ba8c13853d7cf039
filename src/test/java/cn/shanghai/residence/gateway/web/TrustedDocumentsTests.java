package cn.shanghai.residence.gateway.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** Trusted documents (persisted operations) by id over POST and GET, against the sandbox's sample manifest. */
class TrustedDocumentsTests extends GatewayIntegrationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldRunATrustedDocumentSentByIdOverPost() {
        graphQlPost("ywtb-1001").bodyValue(Map.of("documentId", idOf("home")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.personId").isEqualTo("ywtb-1001");
        assertThat(requestsTo(Upstream.POLICE, "GET", "/.*")).isPositive();
    }

    @Test
    void shouldRunATrustedDocumentSentByIdOverGetWithVariables() {
        webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("documentId", idOf("serviceCenters"))
                        .queryParam("variables", "{variables}").build("{\"district\":\"长宁区\"}"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.serviceCenters[0].district").isEqualTo("长宁区");
    }

    @Test
    void shouldLetACdnKeepAPublicAnswerButNeverAPersonalOne() {
        get(idOf("faqs"), null)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
                .expectHeader().valueEquals(HttpHeaders.VARY, "Authorization, Accept-Language")
                .expectBody().jsonPath("$.data.faqs[0].id").exists();
        get(idOf("home"), "ywtb-1001")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .expectBody().jsonPath("$.data.me.personId").isEqualTo("ywtb-1001");
        get(idOf("home"), null)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldAnswerAnUnknownIdWithATypedErrorAndCallNoUpstream() {
        String unknown = DocumentIds.of("{ me { personId } }");
        graphQlPost("ywtb-1001").bodyValue(Map.of("documentId", unknown))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_DOCUMENT_NOT_FOUND")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(unknown));
        get(unknown, null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_DOCUMENT_NOT_FOUND");
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseAMalformedIdOrAnIdBesideADocument() {
        postBody(null, "{\"documentId\": \"md5:abc\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
        postBody(null, "{\"documentId\": 5}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
        graphQlPost(null).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .bodyValue(Map.of("documentId", idOf("faqs"), "query", "{ faqs { id } }"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("Send either 'documentId' or 'query', not both.");
    }

    @Test
    void shouldNeverRunATrustedMutationOverGet() {
        webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("documentId", idOf("reportPermitLoss")).build())
                .headers(headers -> headers.setBearerAuth(tokenFor("ywtb-1001")))
                .exchange()
                .expectStatus().isEqualTo(405);
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldStillRunDocumentsSentAsTextInTheSandbox() {
        postQuery(null, "{ faqs { id } }")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.faqs[0].id").exists();
    }

    private WebTestClient.ResponseSpec get(String documentId, String persona) {
        WebTestClient.RequestHeadersSpec<?> request = webTestClient.get()
                .uri(uri -> uri.path("/graphql").queryParam("documentId", documentId).build());
        if (persona != null) {
            String token = tokenFor(persona);
            request.headers(headers -> headers.setBearerAuth(token));
        }
        return request.exchange();
    }

    /** The id of a test document as the sample manifest holds it (with the fragments it spreads). */
    static String idOf(String name) {
        return DocumentIds.of(SampleManifestTests.documents().get(name));
    }

    static String read(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new IllegalArgumentException(name, missing);
        }
    }
}
