package cn.shanghai.residence.gateway.upload;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.TestIdentityProvider;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /uploads/photos} against the bdc stub: what bdc receives (one POST, no metadata), what the resident
 * gets back, and that nothing reaches an agency when the photo breaks a rule.
 */
class PhotoUploadTests extends GatewayIntegrationTests {

    private static final String PHOTOS = "/persons/[^/]+/photos";
    static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldStoreACompliantPhotoWithoutItsMetadata() {
        byte[] fromThePhone = TestImages.compliantPhotoFromAPhone();

        Map<String, Object> photo = upload("ywtb-1012", null, fromThePhone)
                .expectStatus().isCreated()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat((String) photo.get("id")).matches("PH-[0-9]{10}");
        assertThat(LocalDate.parse((String) photo.get("takenOn"))).isNotNull();
        assertThat(photo).containsEntry("source", "UPLOAD").containsEntry("widthPx", 358)
                .containsEntry("heightPx", 441).containsEntry("dpi", 350).containsEntry("background", "WHITE")
                .containsEntry("status", "USABLE").containsEntry("compliant", true)
                .containsEntry("problems", List.of());
        assertThat(requestsTo(Upstream.BDC, "POST", PHOTOS)).isEqualTo(1);
        LoggedRequest received = bdcPosts().get(0);
        assertThat(received.getUrl()).isEqualTo("/bdc/v1/persons/ywtb-1012/photos");
        assertThat(received.getHeader("Content-Type")).isEqualTo("image/jpeg");
        byte[] body = received.getBody();
        assertThat(TestImages.contains(fromThePhone, "Exif")).isTrue();
        assertThat(TestImages.contains(body, "Exif")).as("the EXIF block").isFalse();
        assertThat(TestImages.contains(body, TestImages.GPS_TEXT)).as("the GPS position").isFalse();
        assertThat(TestImages.contains(body, TestImages.COMMENT_TEXT)).as("the comment").isFalse();
        assertThat(JpegFile.parse(body).orElseThrow().density()).isEqualTo(new JpegFile.Density(1, 350, 350));
        assertThat(TestImages.decode(body).getWidth()).isEqualTo(358);
        assertThat(allUpstreamCalls()).as("bdc's POST only").isEqualTo(1);
    }

    @Test
    void shouldAnswerThePhotoAsTheSchemaShowsIt() throws Exception {
        ObjectTypeDefinition schemaPhoto = new SchemaParser().parse(Files.readString(Path.of("schema/bdc.graphqls")))
                .getType("Photo", ObjectTypeDefinition.class).orElseThrow();

        Map<String, Object> photo = upload("ywtb-1004", null, TestImages.compliantPhotoFromAPhone())
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(photo.keySet()).containsExactlyInAnyOrderElementsOf(schemaPhoto.getFieldDefinitions().stream()
                .map(FieldDefinition::getName).toList());
    }

    @Test
    void shouldShowTheUploadedPhotoOnTheNextRead() {
        String photos = "{ me { photos { id compliant } } }";
        postQuery("ywtb-1012", photos).expectStatus().isOk();
        postQuery("ywtb-1012", photos).expectStatus().isOk();
        assertThat(requestsTo(Upstream.BDC, "GET", PHOTOS)).as("the second read is served from cache").isEqualTo(1);

        upload("ywtb-1012", null, TestImages.compliantPhotoFromAPhone()).expectStatus().isCreated();
        postQuery("ywtb-1012", photos).expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.photos[0].id").isEqualTo("PH-1012-01");

        assertThat(requestsTo(Upstream.BDC, "GET", PHOTOS)).as("the upload dropped the cached photos").isEqualTo(2);
    }

    static Stream<Arguments> brokenRules() {
        Color blue = new Color(67, 142, 219);
        return Stream.of(
                Arguments.of("a PNG", TestImages.png(358, 441), 415, List.of("FORMAT")),
                Arguments.of("a text file", "hello".getBytes(), 415, List.of("FORMAT")),
                Arguments.of("400×500", TestImages.photo(400, 500, Color.WHITE, 1, 350, 350), 422,
                        List.of("DIMENSIONS")),
                Arguments.of("72 dpi", TestImages.photo(358, 441, Color.WHITE, 1, 72, 72), 422,
                        List.of("RESOLUTION")),
                Arguments.of("blue", TestImages.withExifGps(TestImages.photo(358, 441, blue, 1, 350, 350)), 422,
                        List.of("BACKGROUND")),
                Arguments.of("72 dpi and blue", TestImages.photo(358, 441, blue, 1, 72, 72), 422,
                        List.of("RESOLUTION", "BACKGROUND")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void shouldRefuseEachBrokenRuleWithItsReasonBeforeAnyAgency(String what, byte[] image, int status,
            List<String> reasons) {
        upload("ywtb-1012", null, image)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(reasons.size())
                .jsonPath("$.errors[*].extensions.reason").isEqualTo(reasons)
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .containsPattern("\\p{IsHan}").doesNotContain(" / "));

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseAPhotoPastTheSizeLimitBeforeAnyAgency() {
        byte[] large = TestImages.concat(TestImages.compliantPhotoFromAPhone(), new byte[2 * 1024 * 1024]);

        upload("ywtb-1012", null, large)
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("SIZE")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("2 MB"));

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldStopReadingABodyWithoutLengthAtTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> endless = Flux.range(0, 40).map(i -> buffers.wrap(new byte[64 * 1024]));

        authorized(webTestClient.post().uri("/uploads/photos"), "ywtb-1012")
                .contentType(MediaType.IMAGE_JPEG)
                .body(endless, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.reason").isEqualTo("SIZE");

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldAskForASignInBeforeReadingTheBody() {
        webTestClient.post().uri("/uploads/photos").contentType(MediaType.IMAGE_JPEG)
                .bodyValue(TestImages.compliantPhotoFromAPhone())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
        // Past the size limit too: refused for the sign-in (401), not for a size it never looked at (413).
        webTestClient.post().uri("/uploads/photos").contentType(MediaType.IMAGE_JPEG)
                .bodyValue(new byte[3 * 1024 * 1024])
                .exchange()
                .expectStatus().isUnauthorized();
        webTestClient.post().uri("/uploads/photos").contentType(MediaType.IMAGE_JPEG)
                .headers(headers -> headers.setBearerAuth(new TestIdentityProvider().token("ywtb-1012")))
                .bodyValue(TestImages.compliantPhotoFromAPhone())
                .exchange()
                .expectStatus().isUnauthorized();
        webTestClient.get().uri("/uploads/photos").headers(headers -> headers.setBearerAuth(tokenFor("ywtb-1012")))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isBetween(400, 499));

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldLetAGuardianUploadForTheirMinor() {
        upload("ywtb-1010", "ywtb-1013", TestImages.compliantPhotoFromAPhone())
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.compliant").isEqualTo(true);

        assertThat(bdcPosts()).extracting(LoggedRequest::getUrl).containsExactly("/bdc/v1/persons/ywtb-1013/photos");
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1010/dependents")).isEqualTo(1);
    }

    @Test
    void shouldAnswerSomeoneElsesPersonIdExactlyLikeAnUnknownOne() {
        String foreign = upload("ywtb-1004", "ywtb-1013", TestImages.compliantPhotoFromAPhone())
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String unknown = upload("ywtb-1004", "ywtb-9999", TestImages.compliantPhotoFromAPhone())
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(foreign).contains("\"code\":\"NOT_FOUND\"");

        assertThat(foreign).isEqualTo(unknown);
        assertThat(requestsTo(Upstream.BDC, "POST", PHOTOS)).isZero();
    }

    @Test
    void shouldRefuseAMalformedPersonIdWithoutAskingAnyAgency() {
        upload("ywtb-1010", "../ywtb-1013", TestImages.compliantPhotoFromAPhone())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldRefuseAGuardiansBrokenPhotoBeforeCheckingTheGuardianship() {
        upload("ywtb-1010", "ywtb-1013", TestImages.png(358, 441)).expectStatus().isEqualTo(415);

        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldPassOnBdcsOwnRefusalWithoutItsText() {
        stubForThisTest(Upstream.BDC, post(urlPathEqualTo("/bdc/v1/persons/ywtb-1004/photos")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"PHOTO_NOT_COMPLIANT\",\"message\":\"face not found (model v7)\"}")));

        upload("ywtb-1004", null, TestImages.compliantPhotoFromAPhone())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT")
                .jsonPath("$.errors[0].extensions.reason").isEqualTo("PHOTO_NOT_COMPLIANT")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).doesNotContain("model v7"));

        assertThat(requestsTo(Upstream.BDC, "POST", PHOTOS)).isEqualTo(1);
    }

    @Test
    void shouldNeverRepeatAnUploadBdcFailed() {
        outage(Upstream.BDC, serviceUnavailable());

        upload("ywtb-1004", null, TestImages.compliantPhotoFromAPhone())
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPSTREAM_UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.upstream").isEqualTo("bdc")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(true);

        assertThat(requestsTo(Upstream.BDC, "POST", PHOTOS)).as("a write is never retried").isEqualTo(1);
    }

    @Test
    void shouldShowAnUploadedPhotoInMeAndTakeItForAPermit() {
        String photoId = upload("ywtb-1012", null, TestImages.compliantPhotoFromAPhone())
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        as("ywtb-1012").document("{ me { photos { id compliant } } }").execute().errors().verify()
                .path("me.photos[?(@.id == '" + photoId + "')].compliant").entityList(Boolean.class)
                .containsExactly(true);
        as("ywtb-1012").document("""
                        mutation($input: ResidencePermitInput!) { applyForResidencePermit(input: $input) {
                          application { kind } userErrors { code } } }""")
                .variable("input", Map.of("idempotencyKey", "permit-with-upload-1", "photoId", photoId,
                        "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310104-01")))
                .execute().errors().verify()
                .path("applyForResidencePermit.userErrors").entityList(Object.class).hasSize(0)
                .path("applyForResidencePermit.application.kind").entity(String.class).isEqualTo("RESIDENCE_PERMIT_NEW");
        assertThat(requestsTo(Upstream.POLICE, "POST", "/applications")).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec upload(String persona, String forPersonId, byte[] body) {
        String uri = "/uploads/photos" + (forPersonId == null ? "" : "?forPersonId=" + forPersonId);
        return authorized(webTestClient.post().uri(uri), persona)
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.RequestBodySpec authorized(WebTestClient.RequestBodySpec request, String persona) {
        String token = tokenFor(persona);
        return request.headers(headers -> headers.setBearerAuth(token));
    }

    private List<LoggedRequest> bdcPosts() {
        return stub(Upstream.BDC).getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getMethod().getName().equals("POST"))
                .toList();
    }
}
