package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix: each upstream, failing each way, nulls only its own sections with a typed error, while the
 * other agencies' sections arrive, with a bounded number of attempts and never as an HTTP 5xx.
 */
class UpstreamFaultTests extends GatewayIntegrationTests {

    /** Test profile: at most 3 attempts of a read (2 s each), 6 s per request. */
    private static final int MAX_ATTEMPTS = 3;

    /**
     * Not the deadline (6 s) itself: a loaded CI box may be slow to answer by a second or two with no fault of the
     * gateway. The timeout and deadline are shown by the UPSTREAM_TIMEOUT codes and the bounded attempts; this
     * only catches a request that hangs (e.g. a dribbled body read without a timeout).
     */
    private static final Duration HANG = Duration.ofSeconds(15);

    enum UpstreamFault {
        RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "UPSTREAM_UNAVAILABLE"),
        EMPTY(aResponse().withFault(Fault.EMPTY_RESPONSE), "UPSTREAM_UNAVAILABLE"),
        MALFORMED_CHUNK(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), "UPSTREAM_ERROR"),
        INVALID_JSON(json(200, "{\"permitNo\": \"JZZ31011"), "UPSTREAM_ERROR"),
        BREAKS_CONTRACT(json(200, "{\"unexpected\": true}"), "UPSTREAM_ERROR"),
        HTTP_500(json(500, "{\"code\":\"INTERNAL\",\"message\":\"db down at 10.0.0.7\"}"), "UPSTREAM_ERROR"),
        HTTP_503(json(503, "{\"code\":\"MAINTENANCE\",\"message\":\"maintenance\"}"), "UPSTREAM_UNAVAILABLE"),
        HTTP_429(json(429, "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}").withHeader("Retry-After", "30"),
                "RATE_LIMITED"),
        SLOWER_THAN_TIMEOUT(json(200, "[]").withFixedDelay(4_000), "UPSTREAM_TIMEOUT"),
        DRIBBLED_BODY(json(200, "[" + " ".repeat(2000) + "]").withChunkedDribbleDelay(10, 4_000),
                "UPSTREAM_TIMEOUT"),
        REDIRECT(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/elsewhere"), "UPSTREAM_ERROR");

        final ResponseDefinitionBuilder response;
        final String code;

        UpstreamFault(ResponseDefinitionBuilder response, String code) {
            this.response = response;
            this.code = code;
        }

        private static ResponseDefinitionBuilder json(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        }
    }

    /** Where each upstream's data shows in the {@code sections} document. */
    private static final Map<Upstream, List<String>> SECTIONS = Map.of(
            Upstream.POLICE, List.of("me.residencePermit", "me.applications"),
            Upstream.HOUSING, List.of("me.rentalContracts"),
            Upstream.BDC, List.of("me.profile"),
            Upstream.POSTAL, List.of("me.applications[0].delivery.shipment"));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            for (UpstreamFault fault : UpstreamFault.values()) {
                cases.add(Arguments.of(upstream, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void oneFailingUpstreamNullsOnlyItsOwnSections(Upstream failing, UpstreamFault fault) {
        outage(failing, fault.response);
        resetJournals();

        long start = System.nanoTime();
        GraphQlTester.Response response = as("ywtb-1006").documentName("sections").execute();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).as("errors").isNotEmpty().allSatisfy(error -> {
            assertThat(error.getExtensions())
                    .containsEntry("code", fault.code)
                    .containsEntry("upstream", failing.id())
                    .containsKey("retryable");
            assertThat(error.getMessage()).doesNotContain("10.0.0.7", "maintenance", "slow down", "JZZ");
            assertThat(SECTIONS.get(failing)).contains(error.getPath());
        });
        for (String section : SECTIONS.get(failing)) {
            response.path(section).valueIsNull();
        }
        for (Upstream healthy : Upstream.values()) {
            if (healthy != failing && !(failing == Upstream.POLICE && healthy == Upstream.POSTAL)) {
                for (String section : SECTIONS.get(healthy)) {
                    response.path(section).hasValue();
                }
            }
        }
        Map<String, Long> attempts = stub(failing).getAllServeEvents().stream()
                .collect(Collectors.groupingBy(event -> event.getRequest().getUrl(), Collectors.counting()));
        assertThat(attempts).as("attempts per resource of the failing upstream").isNotEmpty()
                .allSatisfy((url, count) -> assertThat(count).as(url).isBetween(1L, (long) MAX_ATTEMPTS));
        assertThat(took).as("answered, not hung").isLessThan(HANG);
    }

    @Test
    void shouldKeepTheRemindersWhenOnlyTrackingIsDown() {
        outage(Upstream.POSTAL, UpstreamFault.HTTP_503.response);

        GraphQlTester.Response response = as("ywtb-1006").documentName("journey").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getPath()).isEqualTo("me.reminders");
            assertThat(error.getExtensions()).containsEntry("upstream", "postal")
                    .containsEntry("code", "UPSTREAM_UNAVAILABLE");
        }));
        // police's own record that the card was sent still makes a reminder; only EMS's tracking is missing
        response.path("me.reminders[*].kind").entityList(String.class).containsExactly("PERMIT_SHIPPED");
        response.path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS");
    }

    @Test
    void shouldStillComposeTheJourneyWhenOnlyPhotosAndProfileAreMissing() {
        outage(Upstream.BDC, UpstreamFault.HTTP_503.response);

        GraphQlTester.Response response = as("ywtb-1003").documentName("journey").execute();

        response.errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.getPath()).isEqualTo("me.journey");
            assertThat(error.getExtensions()).containsEntry("upstream", "bdc");
        }));
        response.path("me.journey.stage").entity(String.class).isEqualTo("REGISTERED_WAITING");
    }
}
