package cn.shanghai.residence.gateway.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import cn.shanghai.residence.gateway.sandbox.SandboxTokenIssuer;
import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The fan-out of {@code me}: concurrent across agencies, batched across list items, and never repeated. */
class FanOutTests extends GatewayIntegrationTests {

    /** Every upstream answers this late; long enough that a loaded CI box still sends all first calls in time. */
    private static final int DELAY_MS = 1_000;

    @Autowired
    SandboxTokenIssuer issuer;

    @Test
    void shouldCallTheAgenciesConcurrentlyAndTrackingOnlyAfterTheApplications() {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            as("ywtb-1006").documentName("home").execute().errors().verify();
        }
        caches.invalidateAll();
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).setGlobalFixedDelay(DELAY_MS);
        }
        resetJournals();

        as("ywtb-1006").documentName("home").execute().errors().verify()
                .path("me.applications[0].delivery.shipment.status").entity(String.class).isEqualTo("IN_TRANSIT");

        // The person's own records at police, housing and bdc depend on nothing but the person: all of them are
        // asked for before the first of them has answered, so the agencies cost the slowest, not their sum.
        List<ServeEvent> personal = new ArrayList<>();
        for (Upstream upstream : List.of(Upstream.POLICE, Upstream.HOUSING, Upstream.BDC)) {
            List<ServeEvent> own = stub(upstream).getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().startsWith(upstream.basePath() + "/persons/ywtb-1006/"))
                    .toList();
            assertThat(own).as(upstream.id()).isNotEmpty();
            personal.addAll(own);
        }
        assertThat(personal).as("the person's records at police, housing and bdc").hasSizeGreaterThanOrEqualTo(8);
        Instant firstAnswer = personal.stream().map(FanOutTests::answeredAt).min(Instant::compareTo).orElseThrow();
        assertThat(personal).allSatisfy(event -> assertThat(requestedAt(event)).as(event.getRequest().getUrl())
                .isBefore(firstAnswer));

        // Tracking numbers come from police's applications: EMS is asked only once those have answered.
        ServeEvent applications = single(Upstream.POLICE, "/police/v1/persons/ywtb-1006/applications");
        List<ServeEvent> tracking = stub(Upstream.POSTAL).getAllServeEvents();
        assertThat(tracking).isNotEmpty().allSatisfy(event -> assertThat(requestedAt(event))
                .isAfterOrEqualTo(requestedAt(applications).plusMillis(DELAY_MS)));
    }

    private ServeEvent single(Upstream upstream, String path) {
        List<ServeEvent> events = stub(upstream).getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path)).toList();
        assertThat(events).as(path).hasSize(1);
        return events.get(0);
    }

    /** When the stub received the request (millisecond precision). */
    private static Instant requestedAt(ServeEvent event) {
        return event.getRequest().getLoggedDate().toInstant();
    }

    /** The earliest the stub can have answered: not before the fixed delay has passed. */
    private static Instant answeredAt(ServeEvent event) {
        return requestedAt(event).plusMillis(DELAY_MS);
    }

    @Test
    void shouldReadEachUpstreamResourceOncePerRequest() {
        resetJournals();

        as("ywtb-1006").documentName("home").execute().errors().verify();

        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/residence-registration")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/residence-permit")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/applications")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/dependents")).isEqualTo(1);
        assertThat(requestsTo(Upstream.HOUSING, "GET", "/persons/ywtb-1006/rental-contracts")).isEqualTo(1);
        assertThat(requestsTo(Upstream.HOUSING, "GET", "/persons/ywtb-1006/properties")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1006/photos")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1006/profile")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "POST", "/elicenses:batchGet")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).isEqualTo(1);
    }

    @Test
    void shouldTrackTwentyParcelsWithOneCallPerUpstream() {
        resetJournals();

        as("ywtb-1015").documentName("progress").variable("scope", "ALL").execute().errors().verify()
                .path("me.applications").entityList(Object.class).hasSize(20)
                .path("me.applications[*].delivery.shipment.status").entityList(String.class).hasSize(20)
                // 20 licences looked up in one batch; the 19 lapsed permits among them are not offered (issue 11)
                .path("me.applications[*].issuedLicense.id").entityList(String.class).containsExactly("EL-1015-RP-20");

        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "POST", "/elicenses:batchGet")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/applications/.*")).isZero();
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1015/applications")).isEqualTo(1);
    }

    @Test
    void shouldCutLargeLookUpsIntoTheUpstreamsBatchSizes() {
        String personId = "ywtb-9120";
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo("/police/v1/persons/" + personId + "/applications"))
                .atPriority(1)
                .willReturn(okJson(applicationsJson(personId, 120))));
        resetJournals();
        HttpGraphQlTester tester = graphQlTester.mutate()
                .headers(h -> h.setBearerAuth(issuer.issue(personId).accessToken())).build();

        tester.documentName("progress").variable("scope", "ALL").execute().errors().verify()
                .path("me.applications").entityList(Object.class).hasSize(120);

        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).as("120 numbers, 50 a call").isEqualTo(3);
        assertThat(requestsTo(Upstream.BDC, "POST", "/elicenses:batchGet")).as("120 ids, 100 a call")
                .isEqualTo(2);
        assertThat(stub(Upstream.POSTAL).getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl().split("trackingNo=").length - 1)
                        .isLessThanOrEqualTo(50));
    }

    private static String applicationsJson(String personId, int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String at = "2026-0" + (1 + i % 9) + "-1" + (i % 10) + "T09:00:00+08:00";
            list.add(Map.of(
                    "applicationId", String.format("APL-9120-%04d", i),
                    "personId", personId,
                    "kind", "PERMIT_PHOTO_CHANGE",
                    "status", "SHIPPED",
                    "submittedAt", at,
                    "updatedAt", at,
                    "delivery", Map.of("method", "POSTAL", "trackingNo", String.valueOf(1300000000000L + i)),
                    "issuedLicenseId", String.format("EL-9120-%04d", i),
                    "events", List.of(Map.of("at", at, "status", "SUBMITTED"))));
        }
        return JsonMapper.builder().build().writeValueAsString(list);
    }
}
