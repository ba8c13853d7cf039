package cn.shanghai.residence.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gateway.documents.mode=trusted-only}: ids from the manifest run, arbitrary documents are refused unrun. */
@TestPropertySource(properties = "gateway.documents.mode=trusted-only")
class TrustedOnlyTests extends GatewayIntegrationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldRefuseAnArbitraryDocumentWithoutCallingAnyUpstream() {
        webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(ownToken("ywtb-1001")))
                .bodyValue(Map.of("query", "{ me { personId residenceRegistration { status } } }"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_DOCUMENT_REQUIRED");
        webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("query", "{ serviceCenters { id } }").build())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_DOCUMENT_REQUIRED");
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseEvenADocumentThatDoesNotParse() {
        postQuery(null, "{ me { ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_DOCUMENT_REQUIRED");
    }

    @Test
    void shouldRunATrustedDocumentById() {
        webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(ownToken("ywtb-1001")))
                .bodyValue(Map.of("documentId", TrustedDocumentsTests.idOf("home")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.personId").isEqualTo("ywtb-1001");
    }

    /** A token from this context's own issuer (the shared token cache holds the shared context's). */
    private String ownToken(String persona) {
        return (String) webTestClient.post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", persona))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
    }
}
