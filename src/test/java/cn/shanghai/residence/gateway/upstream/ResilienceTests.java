package cn.shanghai.residence.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries, the circuit breaker, caching with stale-if-error, freshness, health and metrics, over real HTTP. */
class ResilienceTests extends GatewayIntegrationTests {

    private static final String PERMIT = "/police/v1/persons/ywtb-1006/residence-permit";
    private static final String PERMIT_QUERY = "{ me { residencePermit { status validUntil } } }";

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldRetryTransientFailuresAndSucceedOnTheThirdCall() {
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo(PERMIT)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("once"));
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo(PERMIT)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(serviceUnavailable()).willSetStateTo("recovered"));
        resetJournals();

        query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.residencePermit.status").isEqualTo("VALID");
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/residence-permit")).isEqualTo(3);
    }

    @Test
    void shouldNotRetryA429WhoseRetryAfterIsBeyondTheCap() {
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo(PERMIT)).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"RATE_LIMITED\",\"message\":\"later\"}")));
        resetJournals();

        query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(true);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/residence-permit")).isEqualTo(1);
    }

    @Test
    void shouldOpenTheBreakerSpareTheUpstreamAndCloseWhenItRecovers() {
        StubMapping down = outage(Upstream.POLICE, serviceUnavailable());
        for (int i = 0; i < 4 && breakerState().equals("CLOSED"); i++) {
            query("ywtb-1006", PERMIT_QUERY).jsonPath("$.data.me.residencePermit").isEmpty();
        }
        assertThat(breakerState()).isEqualTo("OPEN");

        resetJournals();
        query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPSTREAM_UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.upstream").isEqualTo("police");
        assertThat(requestsTo(Upstream.POLICE, "ANY", "/.*")).as("no calls while open").isZero();

        removeTestStub(Upstream.POLICE, down);
        // What the breaker does by itself once wait-in-open has passed; no sleeping through it.
        guards.of(Upstream.POLICE).circuitBreaker().transitionToHalfOpenState();
        query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.residencePermit.status").isEqualTo("VALID");
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/residence-permit"))
                .as("the one trial call").isEqualTo(1);
        assertThat(breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void shouldServeAWarmEntryStaleWhenTheUpstreamIsDown() {
        Instant before = clock.instant();
        byte[] live = query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.extensions.freshness.police.source").isEqualTo("LIVE")
                .returnResult().getResponseBody();
        String firstFetch = JsonPath.read(new String(live, StandardCharsets.UTF_8), "$.extensions.freshness.police.asOf");
        assertThat(Instant.parse(firstFetch)).isBetween(before, clock.instant());

        clock.advance(Duration.ofSeconds(1)); // past the test profile's 300 ms TTL of police-permit
        outage(Upstream.POLICE, serviceUnavailable());

        query("ywtb-1006", PERMIT_QUERY)
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.residencePermit.status").isEqualTo("VALID")
                .jsonPath("$.extensions.freshness.police.source").isEqualTo("STALE")
                .jsonPath("$.extensions.freshness.police.asOf").isEqualTo(firstFetch);
    }

    @Test
    void shouldServeWarmEntriesFromCacheAndSaySo() {
        String profile = "{ me { profile { name } } }";
        query("ywtb-1004", profile).jsonPath("$.extensions.freshness.bdc.source").isEqualTo("LIVE");
        resetJournals();

        query("ywtb-1004", profile)
                .jsonPath("$.data.me.profile.name").isEqualTo("李娜")
                .jsonPath("$.extensions.freshness.bdc.source").isEqualTo("CACHE");
        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1004/profile")).isZero();
    }

    @Test
    void shouldNeverServeOnePersonsCachedDataToAnother() {
        String profile = "{ me { personId profile { name } residencePermit { permitNo } } }";
        query("ywtb-1006", profile).jsonPath("$.data.me.profile.name").isEqualTo("赵磊");

        query("ywtb-1008", profile)
                .jsonPath("$.data.me.personId").isEqualTo("ywtb-1008")
                .jsonPath("$.data.me.profile.name").isEqualTo("周杰")
                .jsonPath("$.extensions.freshness.bdc.source").isEqualTo("LIVE");
        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1008/profile")).isEqualTo(1);
    }

    @Test
    void shouldReportEachUpstreamTouchedInTheFreshnessExtension() {
        query("ywtb-1006", "{ me { profile { name } residencePermit { status } rentalContracts { status } "
                + "applications { delivery { shipment { status } } } } }")
                .jsonPath("$.extensions.freshness.police.source").isEqualTo("LIVE")
                .jsonPath("$.extensions.freshness.housing.source").isEqualTo("LIVE")
                .jsonPath("$.extensions.freshness.bdc.source").isEqualTo("LIVE")
                .jsonPath("$.extensions.freshness.postal.source").isEqualTo("LIVE")
                .jsonPath("$.extensions.freshness.postal.asOf").exists();

        query("ywtb-1006", "{ me { profile { name } } }")
                .jsonPath("$.extensions.freshness.police").doesNotExist();
    }

    @Test
    void shouldShowEachBreakerInHealth() {
        operators().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.upstreams.details.police.circuitBreaker").isEqualTo("CLOSED")
                .jsonPath("$.components.upstreams.details.postal.circuitBreaker").isEqualTo("CLOSED");
    }

    @Test
    void shouldPublishMetricsPerUpstream() {
        query("ywtb-1006", PERMIT_QUERY).jsonPath("$.errors").doesNotExist();
        query("ywtb-1006", PERMIT_QUERY).jsonPath("$.errors").doesNotExist();

        assertThat(meters.find("gateway.upstream.calls").tags("upstream", "police", "resource", "police-permit",
                "outcome", "SUCCESS").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
        assertThat(meters.find("gateway.cache.requests").tags("resource", "police-permit", "result", "hit")
                .counter()).isNotNull().satisfies(counter -> assertThat(counter.count()).isPositive());
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "police").gauges()).isNotEmpty();
        assertThat(meters.find("resilience4j.retry.calls").tag("name", "bdc").functionCounters()).isNotEmpty();
    }

    private String breakerState() {
        return guards.of(Upstream.POLICE).circuitBreaker().getState().name();
    }

    private WebTestClient.BodyContentSpec query(String persona, String query) {
        return postQuery(persona, query).expectStatus().isOk().expectBody();
    }
}
