package cn.shanghai.residence.gateway.upload;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** With every upload slot taken (here: none configured), an upload is refused at once and nothing is read or sent. */
@TestPropertySource(properties = "gateway.uploads.max-concurrent=0")
class UploadsBusyTests extends GatewayIntegrationTests {

    @Test
    void shouldRefuseAnUploadAtOnceWhenNoSlotIsFree() {
        String token = ownToken("ywtb-1012");
        webTestClient.post().uri("/uploads/photos")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue(TestImages.compliantPhotoFromAPhone())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("OVERLOADED");

        assertThat(requestsTo(Upstream.BDC, "POST", "/persons/ywtb-1012/photos")).isZero();
    }

    /** From this context's own sandbox issuer: the tokens the base class keeps are another context's. */
    private String ownToken(String persona) {
        return (String) webTestClient.post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", persona)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
    }

    @Test
    void shouldStillAskForASignInFirst() {
        webTestClient.post().uri("/uploads/photos")
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue(TestImages.compliantPhotoFromAPhone())
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
