package cn.shanghai.residence.gateway.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.SandboxJourney;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** The living sandbox (issue 12) on the embedded stubs: applications move on the sandbox clock. */
class LivingSandboxTests extends GatewayIntegrationTests {

    private static final Map<String, Object> HOME = Map.of("district", "闵行区", "street", "莘庄镇",
            "detail", "莘松路380弄12号502室");

    @Test
    void shouldTakeANewcomerFromRegistrationToPermitHolderOnTheSandboxClock() {
        new SandboxJourney(this::as, webTestClient).run();
    }

    @Test
    void shouldNotServeAPreAdvanceAnswerFromTheCache() {
        String document = "{ me { journey { stage } applications { id status } } }";
        String id = register("ywtb-1001", "cache-1001");
        as("ywtb-1001").document(document).execute().path("me.journey.stage").entity(String.class)
                .isEqualTo("REGISTRATION_IN_PROGRESS");
        as("ywtb-1001").document(document).execute().path("me.journey.stage").entity(String.class)
                .isEqualTo("REGISTRATION_IN_PROGRESS");
        int policeReads = requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1001/applications");

        advance("P5D");

        as("ywtb-1001").document(document).execute().path("me.journey.stage").entity(String.class)
                .isEqualTo("REGISTERED_WAITING");
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1001/applications"))
                .as("the advance emptied the cache, so police was asked again").isGreaterThan(policeReads);
        assertThat(id).startsWith("APL-");
    }

    @Test
    void shouldEndTheNextApplicationAsPlanned() {
        webTestClient.post().uri("/sandbox/next-outcome").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("personId", "ywtb-1001", "outcome", "REJECTED"))
                .exchange().expectStatus().isOk();
        String id = register("ywtb-1001", "rejected-1001");

        advance("P5D");

        as("ywtb-1001").document("query($id: ID!) { application(id: $id) { status timeline { status } } "
                        + "me { journey { stage } residenceRegistration { registeredOn } } }")
                .variable("id", id).execute()
                .path("application.status").entity(String.class).isEqualTo("REJECTED")
                .path("me.journey.stage").entity(String.class).isEqualTo("NOT_REGISTERED")
                .path("me.residenceRegistration").valueIsNull();
    }

    @Test
    void shouldForgetEveryResidentsDoingsOnReset() {
        register("ywtb-1001", "reset-1001");
        advance("P5D");

        String before = java.time.LocalDate.now(clock).toString();
        webTestClient.post().uri("/sandbox/reset").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.today").value(String.class, today -> assertThat(today)
                        .as("back to real time: today, whichever side of midnight the reset fell")
                        .isIn(before, java.time.LocalDate.now(clock).toString()));

        as("ywtb-1001").document("{ me { journey { stage } applications { id } } }").execute()
                .path("me.journey.stage").entity(String.class).isEqualTo("NOT_REGISTERED")
                .path("me.applications").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldAnswerAnUploadedAttachmentByItsIdWithWhatWasUploaded() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String document = "%PDF-1.4 a relative's property certificate";
        String base = stubs.baseUrl(Upstream.POLICE).toString();
        String uploaded = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/attachments"))
                        .header("X-Person-Id", "ywtb-1001").header("Content-Type", "application/pdf")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(document)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String id = uploaded.replaceAll(".*\"attachmentId\":\\s*\"([^\"]+)\".*", "$1");

        String again = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/attachments/" + id))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();

        assertThat(again).contains("\"attachmentId\":\"" + id + "\"").contains("\"sizeBytes\":" + document.length())
                .contains("\"contentType\":\"application/pdf\"");
    }

    private String register(String persona, String key) {
        return as(persona).document("mutation($input: ResidenceRegistrationInput!) { submitResidenceRegistration("
                        + "input: $input) { application { id } userErrors { code } } }")
                .variable("input", Map.of("idempotencyKey", key, "address", HOME,
                        "residenceType", "RENTED_HOUSING", "moveInDate", java.time.LocalDate.now(clock).minusDays(10)
                                .toString(), "mobile", "13956021874"))
                .execute().path("submitResidenceRegistration.application.id").entity(String.class).get();
    }

    private void advance(String amount) {
        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", amount)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldRefuseAnUnreadableAdvanceWithACode() {
        for (String body : new String[] {"{\"advance\": \"yesterday\"}", "{\"advance\": \"-P1D\"}", "{}", "not json"}) {
            webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_CLOCK");
        }
    }

    @Test
    void shouldRefuseAnUnknownOutcome() {
        webTestClient.post().uri("/sandbox/next-outcome").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("personId", "ywtb-1001", "outcome", "LOST_IN_SPACE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_OUTCOME");
    }
}
