package cn.shanghai.residence.gateway.citizen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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

    private static final int DELAY_MS = 300;

    @Autowired
    SandboxTokenIssuer issuer;

    @Test
    void shouldCostTheSlowestChainOfUpstreamsNotTheirSum() {
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            as("ywtb-1006").documentName("home").execute().errors().verify();
        }
        caches.invalidateAll();
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).setGlobalFixedDelay(DELAY_MS);
        }
        try {
            resetJournals();
            Instant start = Instant.now();
            as("ywtb-1006").documentName("home").execute().errors().verify()
                    .path("me.applications[0].delivery.shipment.status").entity(String.class).isEqualTo("IN_TRANSIT");
            Duration took = Duration.between(start, Instant.now());

            int calls = 0;
            for (Upstream upstream : Upstream.values()) {
                int toUpstream = requestsTo(upstream, "ANY", "/.*");
                assertThat(toUpstream).as(upstream.id()).isPositive();
                calls += toUpstream;
            }
            assertThat(calls).as("upstream calls of the home query").isGreaterThanOrEqualTo(10);
            // The longest chain is police's applications, then EMS tracking: two delays (600 ms), where the four
            // agencies one after another would cost 1,200 ms and the query's calls one after another 3,000 ms. The
            // margin covers the applications stub's own templating (20-40 ms) and the gateway's work.
            assertThat(took).as("home query with %d ms on every upstream", DELAY_MS)
                    .isLessThan(Duration.ofMillis(2 * DELAY_MS + 150));
        } finally {
            for (Upstream upstream : Upstream.values()) {
                stub(upstream).setGlobalFixedDelay(0);
            }
        }
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
                .path("me.applications[*].issuedLicense.id").entityList(String.class).hasSize(20);

        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "POST", "/elicenses:batchGet")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/applications/.*")).isZero();
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1015/applications")).isEqualTo(1);
    }

    @Test
    void shouldCutLargeLookUpsIntoTheUpstreamsBatchSizes() {
        String personId = "ywtb-9120";
        StubMapping applications = stub(Upstream.POLICE).stubFor(
                get(urlPathEqualTo("/police/v1/persons/" + personId + "/applications"))
                        .atPriority(1)
                        .willReturn(okJson(applicationsJson(personId, 120))));
        try {
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
        } finally {
            stub(Upstream.POLICE).removeStub(applications);
        }
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
