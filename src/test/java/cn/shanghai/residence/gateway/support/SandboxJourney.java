package cn.shanghai.residence.gateway.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's "done when", through the gateway only: 陈晓燕 (ywtb-1001, never registered) uploads her parents' title
 * and registers at their home (a relative's home, with the kinship letter), waits six months on the sandbox clock,
 * applies for the permit by post and receives it.
 * Time only moves through {@code POST /sandbox/clock}; nothing sleeps. Shared by the embedded-stub test and the
 * one against stubs started the way {@code stubs/run.sh} starts them.
 */
public final class SandboxJourney {

    static final String PERSONA = "ywtb-1001";
    static final Map<String, Object> HOME = Map.of("district", "闵行区", "street", "莘庄镇", "detail", "莘松路380弄12号502室");
    /** Her parents' own home, whose title is not on her records: she uploads it. */
    static final Map<String, Object> PARENTS_HOME = Map.of("district", "浦东新区", "street", "张江镇",
            "detail", "碧波路690弄12号301室");
    static final byte[] TITLE_PDF = "%PDF-1.7\n1 0 obj << /Title (房地产权证) >> endobj\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final String PROGRESS = """
            query {
              me {
                journey { stage eligibleFrom }
                reminders { kind dueOn }
                residenceRegistration { registeredOn residenceType address { district } }
                residencePermit { status photoId }
                eLicenses(types: [RESIDENCE_REGISTRATION_CERTIFICATE, RESIDENCE_PERMIT]) { id type }
                applications {
                  id kind status
                  timeline { status }
                  delivery { method trackingNumber shipment { status codAmount events { location description } } }
                  issuedLicense { id type }
                }
              }
            }""";

    private final Function<String, HttpGraphQlTester> as;
    private final WebTestClient http;

    public SandboxJourney(Function<String, HttpGraphQlTester> as, WebTestClient http) {
        this.as = as;
        this.http = http;
    }

    public void run() {
        LocalDate today = LocalDate.parse((String) clock("GET", null).get("today"));

        String title = uploadParentsTitle();
        String registrationId = submit("submitResidenceRegistration", Map.of(
                "idempotencyKey", "journey-reg-" + today,
                "address", PARENTS_HOME, "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", today.minusDays(20).toString(), "mobile", "13956021874",
                "kinshipCommitment", Map.of("relativeName", "陈建华", "relativeIdNumber", "340102196502170012",
                        "relation", "PARENT", "signatureConfirmed", true),
                "materials", List.of(Map.of("attachmentId", title, "kind", "PROPERTY_CERTIFICATE"))));

        GraphQlTester.Response seen = progress();
        assertThat(application(seen, registrationId)).containsEntry("status", "SUBMITTED");
        seen.path("me.journey.stage").entity(String.class).isEqualTo("REGISTRATION_IN_PROGRESS");

        clock("POST", "P5D");
        seen = progress();
        assertThat(application(seen, registrationId).get("status")).isEqualTo("COMPLETED");
        assertThat(statuses(application(seen, registrationId))).contains("SUBMITTED", "UNDER_REVIEW", "APPROVED");
        seen.path("me.residenceRegistration.residenceType").entity(String.class).isEqualTo("RELATIVE_PROPERTY");
        seen.path("me.residenceRegistration.address.district").entity(String.class).isEqualTo("浦东新区");
        seen.path("me.eLicenses[*].type").entityList(String.class).containsExactly("RESIDENCE_REGISTRATION_CERTIFICATE");
        assertThat(application(seen, registrationId).get("issuedLicense")).asString()
                .contains("RESIDENCE_REGISTRATION_CERTIFICATE");
        seen.path("me.journey.stage").entity(String.class).isEqualTo("REGISTERED_WAITING");

        clock("POST", "P6M");
        seen = progress();
        seen.path("me.journey.stage").entity(String.class).isEqualTo("ELIGIBLE_FOR_PERMIT");
        seen.path("me.reminders[*].kind").entityList(String.class).contains("PERMIT_ELIGIBLE");

        String permitId = submit("applyForResidencePermit", Map.of(
                "idempotencyKey", "journey-permit-" + today,
                "photoId", "PH-1001-01",
                "delivery", Map.of("method", "POSTAL", "address", HOME, "recipientMobile", "13956021874")));
        seen = progress();
        assertThat(application(seen, permitId)).containsEntry("status", "SUBMITTED");
        seen.path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS");

        Map<String, Object> permit = application(seen, permitId);
        for (int day = 0; day < 20 && !"SHIPPED".equals(permit.get("status")); day++) {
            clock("POST", "P1D");
            seen = progress();
            permit = application(seen, permitId);
        }
        assertThat(permit.get("status")).as("shipped within 20 days").isEqualTo("SHIPPED");
        assertThat(statuses(permit)).containsSubsequence("APPROVED", "IN_PRODUCTION", "SHIPPED");
        seen.path("me.eLicenses[*].type").entityList(String.class).contains("RESIDENCE_PERMIT");
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) permit.get("delivery");
        assertThat(delivery).containsEntry("method", "POSTAL");
        assertThat((String) delivery.get("trackingNumber")).matches("\\d{13}");
        @SuppressWarnings("unchecked")
        Map<String, Object> shipment = (Map<String, Object>) delivery.get("shipment");
        assertThat(shipment.get("codAmount")).isEqualTo(15.0);
        assertThat((List<?>) shipment.get("events")).isNotEmpty();
        seen.path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS");

        clock("POST", "P2D");
        seen = progress();
        permit = application(seen, permitId);
        assertThat(permit.get("status")).isEqualTo("DELIVERED");
        assertThat(permit.get("delivery")).asString().contains("status=DELIVERED");
        seen.path("me.residencePermit.status").entity(String.class).isEqualTo("VALID");
        seen.path("me.residencePermit.photoId").entity(String.class).isEqualTo("PH-1001-01");
        seen.path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_HOLDER");
    }

    private String submit(String mutation, Map<String, Object> input) {
        String document = "mutation($input: " + inputType(mutation) + "!) { " + mutation
                + "(input: $input) { application { id status } userErrors { code message } } }";
        GraphQlTester.Response response = as.apply(PERSONA).document(document).variable("input", input).execute();
        response.errors().verify();
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return response.path(mutation + ".application.id").entity(String.class).get();
    }

    private static String inputType(String mutation) {
        return switch (mutation) {
            case "submitResidenceRegistration" -> "ResidenceRegistrationInput";
            case "applyForResidencePermit" -> "ResidencePermitInput";
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    private GraphQlTester.Response progress() {
        GraphQlTester.Response response = as.apply(PERSONA).document(PROGRESS).execute();
        response.errors().verify();
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> application(GraphQlTester.Response response, String id) {
        List<Map<String, Object>> applications = response.path("me.applications").entityList(Map.class).get()
                .stream().map(item -> (Map<String, Object>) item).toList();
        return applications.stream().filter(a -> id.equals(a.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("application " + id + " not in me.applications: " + applications));
    }

    @SuppressWarnings("unchecked")
    private static List<String> statuses(Map<String, Object> application) {
        return ((List<Map<String, Object>>) application.get("timeline")).stream()
                .map(step -> (String) step.get("status")).toList();
    }

    /** Her parents' property certificate, uploaded through the gateway and stored at police; its attachment id. */
    private String uploadParentsTitle() {
        String token = (String) http.post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", PERSONA)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
        return (String) http.post().uri("/uploads/materials").headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_PDF).bodyValue(TITLE_PDF).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("attachmentId");
    }

    /** {@code GET /sandbox/clock}, or {@code POST} it with an advance. */
    @SuppressWarnings("unchecked")
    Map<String, Object> clock(String method, String advance) {
        WebTestClient.ResponseSpec spec = "GET".equals(method)
                ? http.get().uri("/sandbox/clock").exchange()
                : http.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("advance", advance)).exchange();
        return spec.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
