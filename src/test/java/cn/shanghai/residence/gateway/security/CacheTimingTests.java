package cn.shanghai.residence.gateway.security;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No timing oracle through a cache keyed by object id (issue 15, item 6): someone else's application that its owner
 * has just viewed takes the same path for a stranger as an id that does not exist — the same upstream calls and the
 * same cache look-ups — so neither answers faster than the other.
 */
class CacheTimingTests extends GatewayIntegrationTests {

    private static final String OWNER = "ywtb-1013";
    private static final String STRANGER = "ywtb-1004";
    private static final String OWNERS_APPLICATION = "APL-1013-0001";
    private static final String UNKNOWN_APPLICATION = "APL-1013-9999";

    @Autowired
    private MeterRegistry meters;

    @Test
    void shouldAnswerAForeignApplicationTheOwnerJustViewedThroughTheSamePathAsAnUnknownOne() {
        as(OWNER).documentName("application").variable("id", OWNERS_APPLICATION).execute().errors().verify()
                .path("application.id").entity(String.class).isEqualTo(OWNERS_APPLICATION);
        probe("APL-0000-0000");

        Path foreign = probe(OWNERS_APPLICATION);
        Path unknown = probe(UNKNOWN_APPLICATION);

        assertThat(foreign.upstreamCalls()).as("the same calls, to police's application by the asked id")
                .isEqualTo(List.of("GET /police/v1/applications/{asked}"))
                .isEqualTo(unknown.upstreamCalls());
        assertThat(foreign.cacheLookups()).as("the same cache look-ups: a miss, never the owner's entry")
                .isEqualTo(Map.of("hit", 0.0, "miss", 1.0))
                .isEqualTo(unknown.cacheLookups());
    }

    /** What the gateway did for the stranger asking for one application id. */
    private record Path(List<String> upstreamCalls, Map<String, Double> cacheLookups) {
    }

    private Path probe(String applicationId) {
        resetJournals();
        Map<String, Double> before = lookups();
        as(STRANGER).documentName("application").variable("id", applicationId).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND")))
                .path("application").valueIsNull();
        Map<String, Double> after = lookups();
        List<String> calls = allUpstreamRequests().stream().map(call -> describe(call, applicationId)).sorted().toList();
        return new Path(calls, Map.of("hit", after.get("hit") - before.get("hit"),
                "miss", after.get("miss") - before.get("miss")));
    }

    private static String describe(LoggedRequest call, String applicationId) {
        return call.getMethod() + " " + call.getUrl().replace(applicationId, "{asked}");
    }

    /** The police-application cache's look-ups so far, by result (the series Prometheus scrapes). */
    private Map<String, Double> lookups() {
        return Map.of("hit", count("hit"), "miss", count("miss"));
    }

    private double count(String result) {
        return meters.get("gateway.cache.requests").tag("resource", "police-application").tag("result", result)
                .counter().count();
    }
}
