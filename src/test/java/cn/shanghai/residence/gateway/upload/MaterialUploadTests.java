package cn.shanghai.residence.gateway.upload;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static cn.shanghai.residence.gateway.upload.PhotoUploadTests.JSON_OBJECT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /uploads/materials} against the police stub: the type police is told comes from the bytes, images
 * arrive without metadata, and what is refused reaches no agency.
 */
class MaterialUploadTests extends GatewayIntegrationTests {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Title (房产证) >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldStoreAPdfAtPoliceUnderTheTypeItsBytesShow() {
        Map<String, Object> attachment = upload("ywtb-1001", null, MediaType.IMAGE_PNG, PDF)
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat((String) attachment.get("attachmentId")).matches("ATT-ywtb-1001-[0-9]{10}");
        assertThat(attachment).containsEntry("personId", "ywtb-1001").containsEntry("contentType", "application/pdf")
                .containsEntry("sizeBytes", PDF.length);
        assertThat(OffsetDateTime.parse((String) attachment.get("uploadedAt"))).isNotNull();
        LoggedRequest received = policePosts().get(0);
        assertThat(received.getHeader("X-Person-Id")).isEqualTo("ywtb-1001");
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/pdf");
        assertThat(received.getBody()).isEqualTo(PDF);
        assertThat(allUpstreamCalls()).isEqualTo(1);
    }

    @Test
    void shouldStoreImagesWithoutTheirMetadata() {
        byte[] scan = TestImages.withComment(TestImages.withExifGps(TestImages.photo(600, 800, Color.WHITE, 1, 300,
                300)));
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(60, 80), TestImages.chunk("tEXt",
                "Author\0Li Na".getBytes(StandardCharsets.ISO_8859_1)));

        upload("ywtb-1003", null, MediaType.APPLICATION_OCTET_STREAM, scan).expectStatus().isCreated()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/jpeg");
        upload("ywtb-1003", null, MediaType.APPLICATION_OCTET_STREAM, png).expectStatus().isCreated()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/png");

        List<LoggedRequest> received = policePosts();
        assertThat(received).extracting(request -> request.getHeader("Content-Type"))
                .containsExactly("image/jpeg", "image/png");
        assertThat(TestImages.contains(received.get(0).getBody(), TestImages.GPS_TEXT)).isFalse();
        assertThat(TestImages.contains(received.get(0).getBody(), TestImages.COMMENT_TEXT)).isFalse();
        assertThat(TestImages.decode(received.get(0).getBody()).getWidth()).isEqualTo(600);
        assertThat(TestImages.contains(received.get(1).getBody(), "Li Na")).isFalse();
        assertThat(TestImages.decode(received.get(1).getBody()).getWidth()).isEqualTo(60);
    }

    @Test
    void shouldTakeTheBodyWhateverContentTypeCurlSends() {
        String token = tokenFor("ywtb-1001");
        webTestClient.post().uri("/uploads/materials")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(PDF)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.sizeBytes").isEqualTo(PDF.length);
        webTestClient.post().uri("/uploads/materials")
                .headers(headers -> headers.setBearerAuth(token))
                .bodyValue(PDF)
                .exchange()
                .expectStatus().isCreated();

        assertThat(policePosts()).extracting(LoggedRequest::getBody).containsExactly(PDF, PDF);
    }

    @Test
    void shouldRefuseOtherTypesBeforeAnyAgency() {
        upload("ywtb-1001", null, MediaType.APPLICATION_PDF, "PK\3\4word/document.xml".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("FORMAT");

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseAMaterialPastFiveMegabytesBeforeAnyAgency() {
        byte[] large = TestImages.concat(PDF, new byte[5 * 1024 * 1024]);

        upload("ywtb-1001", null, MediaType.APPLICATION_PDF, large)
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("SIZE")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("5 MB"));

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldStoreAGuardiansMaterialUnderTheMinor() {
        upload("ywtb-1010", "ywtb-1013", MediaType.APPLICATION_PDF, PDF)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.attachmentId").value(String.class,
                        id -> assertThat(id).startsWith("ATT-ywtb-1013-"));

        assertThat(policePosts()).extracting(request -> request.getHeader("X-Person-Id")).containsExactly("ywtb-1013");
    }

    @Test
    void shouldStoreNothingForSomeoneOutsideTheGuardianship() {
        upload("ywtb-1004", "ywtb-1013", MediaType.APPLICATION_PDF, PDF)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");

        assertThat(policePosts()).isEmpty();
    }

    @Test
    void shouldNotLetAGuardianUploadForADependentOfSixteenOrMore() {
        upload("ywtb-1020", "ywtb-1019", MediaType.APPLICATION_PDF, PDF)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .startsWith("年满16周岁须本人办理"));

        assertThat(policePosts()).isEmpty();
    }

    @Test
    void shouldTellWhyPoliceRefusedAMaterial() {
        stubForThisTest(Upstream.POLICE, post(urlPathEqualTo("/police/v1/attachments")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"UNREADABLE_ATTACHMENT\",\"message\":\"xref table broken at 0x1F\"}")));

        upload("ywtb-1001", null, MediaType.APPLICATION_PDF, PDF)
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("FORMAT")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).doesNotContain("xref"));

        assertThat(policePosts()).hasSize(1);
    }

    @Test
    void shouldAnswerAnUnexpectedPoliceErrorAsAnUpstreamError() {
        stubForThisTest(Upstream.POLICE, post(urlPathEqualTo("/police/v1/attachments")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"PERSON_ID_REQUIRED\",\"message\":\"X-Person-Id missing\"}")));

        upload("ywtb-1001", null, MediaType.APPLICATION_PDF, PDF)
                .expectStatus().isEqualTo(502)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPSTREAM_ERROR")
                .jsonPath("$.errors[0].extensions.upstream").isEqualTo("police")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(false);

        assertThat(policePosts()).hasSize(1);
    }

    private WebTestClient.ResponseSpec upload(String persona, String forPersonId, MediaType declared, byte[] body) {
        String token = tokenFor(persona);
        return webTestClient.post()
                .uri("/uploads/materials" + (forPersonId == null ? "" : "?forPersonId=" + forPersonId))
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(declared)
                .bodyValue(body)
                .exchange();
    }

    private List<LoggedRequest> policePosts() {
        return stub(Upstream.POLICE).getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getMethod().getName().equals("POST"))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .toList();
    }
}
