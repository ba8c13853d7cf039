package cn.shanghai.residence.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.StatusAssertions;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access audit trail over real HTTP: each operation that reads or writes a person's data leaves exactly one
 * JSON line on the {@code AUDIT} logger, naming ids and sections only; public operations leave none.
 */
class AccessAuditTests extends GatewayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    /** When each request was sent and answered, by the gateway's clock. */
    private final Map<String, List<Instant>> served = new LinkedHashMap<>();

    @BeforeEach
    void captureTheAuditStream() {
        audit.start();
        auditLogger().addAppender(audit);
    }

    @AfterEach
    void releaseTheAuditStream() {
        auditLogger().detachAppender(audit);
    }

    @Test
    void shouldRecordTheHomeScreenOfAGuardianWithHerMinorAndEverySectionRead() throws IOException {
        String home = new ClassPathResource("graphql-test/home.graphql").getContentAsString(StandardCharsets.UTF_8);
        // The first home screen of a run may meet cold agencies (a timeout would make it PARTIAL): warm them first.
        send("ywtb-1010", "audit-home-warm", home);
        send("ywtb-1010", "audit-home-0001", home);

        assertThat(recordsOf("audit-home-0001")).containsExactly(expected("audit-home-0001", "ywtb-1010",
                List.of("ywtb-1010", "ywtb-1013"), "home", "query", List.of("me"),
                List.of("bdc.elicenses-by-id", "bdc.photos", "bdc.profile", "housing.properties",
                        "housing.rental-contracts", "police.applications", "police.dependents", "police.permit",
                        "police.registration"), List.of(), "OK"));
    }

    @Test
    void shouldRecordAWriteAndARefusedMutation() {
        send("ywtb-1001", "audit-write-0001", "mutation { startRentalContractFiling { url } }");
        send("ywtb-1003", "audit-refused-0001", "mutation { applyForResidencePermit(input: {idempotencyKey: "
                + "\"audit-permit-0001\", photoId: \"PH-1003-01\", delivery: {method: PICKUP, serviceCenterId: "
                + "\"SC-310115-01\"}}) { application { id } userErrors { code } } }");

        assertThat(recordsOf("audit-write-0001")).containsExactly(expected("audit-write-0001", "ywtb-1001",
                List.of("ywtb-1001"), null, "mutation", List.of("startRentalContractFiling"),
                List.of("housing.rental-filing"), List.of(), "OK"));
        assertThat(recordsOf("audit-refused-0001")).containsExactly(expected("audit-refused-0001", "ywtb-1003",
                List.of("ywtb-1003"), null, "mutation", List.of("applyForResidencePermit"),
                List.of("bdc.photos", "bdc.profile", "police.permit", "police.registration"), List.of(),
                "REFUSED(REGISTRATION_TOO_RECENT)"));
    }

    @Test
    void shouldRecordARefusedReadOfSomeoneElsesApplicationWithItsOwner() {
        send("ywtb-1004", "audit-foreign-0001", "{ application(id: \"APL-1013-0001\") { id status } }");

        assertThat(recordsOf("audit-foreign-0001")).containsExactly(expected("audit-foreign-0001", "ywtb-1004",
                List.of("ywtb-1004", "ywtb-1013"), null, "query", List.of("application"),
                List.of("police.application", "police.dependents"), List.of("APL-1013-0001"), "REFUSED(NOT_FOUND)"));
    }

    @Test
    void shouldRecordAnUploadForAMinorAndARefusedOne() {
        upload("ywtb-1010", "audit-upload-0001", "?forPersonId=ywtb-1013",
                "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8)).isCreated();
        upload("ywtb-1004", "audit-upload-0002", "", "not a document".getBytes(StandardCharsets.UTF_8))
                .isEqualTo(415);

        assertThat(recordsOf("audit-upload-0001")).containsExactly(expected("audit-upload-0001", "ywtb-1010",
                List.of("ywtb-1010", "ywtb-1013"), null, "upload", List.of("/uploads/materials"),
                List.of("police.attachments-store", "police.dependents"), List.of(), "OK"));
        assertThat(recordsOf("audit-upload-0002")).containsExactly(expected("audit-upload-0002", "ywtb-1004",
                List.of(), null, "upload", List.of("/uploads/materials"), List.of(), List.of(), "REFUSED(HTTP_415)"));
    }

    @Test
    void shouldRecordNothingForPublicData() {
        send(null, "audit-public-0001", "{ faqs(keyword: \"居住证\") { question } }");
        send("ywtb-1004", "audit-public-0002", "{ serviceCenters(district: \"静安区\") { id } }");

        assertThat(recordsOf("audit-public-0001")).isEmpty();
        assertThat(recordsOf("audit-public-0002")).isEmpty();
    }

    private void send(String persona, String requestId, String query) {
        Instant sent = clock.instant();
        webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (persona != null) {
                        headers.setBearerAuth(tokenFor(persona));
                    }
                })
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus().isOk();
        served.put(requestId, List.of(sent, clock.instant()));
    }

    private StatusAssertions upload(String persona, String requestId, String query, byte[] body) {
        Instant sent = clock.instant();
        StatusAssertions status = webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/uploads/materials" + query)
                .headers(headers -> headers.setBearerAuth(tokenFor(persona)))
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue(body)
                .exchange()
                .expectStatus();
        served.put(requestId, List.of(sent, clock.instant()));
        return status;
    }

    private Map<String, Object> expected(String requestId, String actor, List<String> subjects, String operation,
            String type, List<String> fields, List<String> sections, List<String> applications, String outcome) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("requestId", requestId);
        expected.put("traceId", TRACE_ID);
        expected.put("actor", actor);
        expected.put("subjects", subjects);
        expected.put("operation", operation);
        expected.put("type", type);
        expected.put("fields", fields);
        expected.put("sections", sections);
        expected.put("applications", applications);
        expected.put("outcome", outcome);
        expected.put("client", "127.0.0.1");
        return expected;
    }

    /**
     * The records of one request, each parsed from its line; its time (checked here to be while the request was
     * served, by the gateway's clock) left out, so the rest compares exactly.
     */
    private List<Map<String, Object>> recordsOf(String requestId) {
        List<Map<String, Object>> records = audit.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .<Map<String, Object>>map(line -> JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }))
                .filter(record -> requestId.equals(record.get("requestId")))
                .toList();
        for (Map<String, Object> record : records) {
            assertThat(Instant.parse((String) record.remove("time"))).isBetween(served.get(requestId).get(0), served.get(requestId).get(1));
        }
        return records;
    }

    private static Logger auditLogger() {
        return (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    }
}
