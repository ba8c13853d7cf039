package cn.shanghai.residence.gateway.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every upstream call of a request continues the caller's W3C trace with a span of its own (Micrometer Tracing),
 * and carries a request id; the caller's {@code X-Request-Id} is echoed. Reads, which concurrent requests may share,
 * carry a request id of no caller (README "Tracing").
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestTraceTests extends GatewayIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";
    private static final String QUERY = "{ me { residencePermit { status } rentalContracts { status } "
            + "photos { id } applications { delivery { shipment { status } } } } }";

    @Test
    void shouldContinueTheCallersTraceToEveryUpstream() {
        resetJournals();

        graphQlPost("ywtb-1006")
                .headers(h -> {
                    h.set("X-Request-Id", "app-7f3c2a91");
                    h.set("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-01");
                })
                .bodyValue(Map.of("query", QUERY))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "app-7f3c2a91");

        List<LoggedRequest> calls = allUpstreamRequests();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(5);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getHeader("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                    .doesNotContain(CALLERS_SPAN);
            assertThat(call.getHeader("X-Request-Id")).as("a shared read names no caller")
                    .matches("[0-9a-f-]{36}").isNotEqualTo("app-7f3c2a91");
        });
        Set<String> spans = calls.stream().map(c -> c.getHeader("traceparent")).collect(Collectors.toSet());
        assertThat(spans).as("each upstream call is its own span").hasSameSizeAs(calls);
    }

    @Test
    void shouldNameTheTraceSpanAndRequestInTheLogLines(CapturedOutput output) {
        outage(Upstream.BDC, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        graphQlPost("ywtb-1006")
                .headers(h -> h.set("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-01"))
                .bodyValue(Map.of("query", "{ me { profile { name } } }"))
                .exchange()
                .expectStatus().isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("Upstream call failed: upstream=bdc")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern(
                        "\\[" + TRACE_ID + ",[0-9a-f]{16},[0-9a-f-]{36}\\] "));
    }

    @Test
    void shouldCarryATraceThatIsNotSampledToEveryUpstreamAsNotSampled() {
        resetJournals();

        graphQlPost("ywtb-1006")
                .headers(h -> h.set("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-00"))
                .bodyValue(Map.of("query", QUERY))
                .exchange()
                .expectStatus().isOk();

        List<LoggedRequest> calls = allUpstreamRequests();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(5).allSatisfy(call -> assertThat(call.getHeader("traceparent"))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00").doesNotContain(CALLERS_SPAN)
                .doesNotContain("-0000000000000000-"));
        Set<String> spans = calls.stream().map(c -> c.getHeader("traceparent")).collect(Collectors.toSet());
        assertThat(spans).as("each upstream call has a span id of its own").hasSameSizeAs(calls);
    }

    @Test
    void shouldPassNoCallersBaggageToTheAgencies() {
        resetJournals();

        graphQlPost("ywtb-1006")
                .headers(h -> {
                    h.set("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-01");
                    h.set("baggage", "person=ywtb-1006,channel=app");
                })
                .bodyValue(Map.of("query", "{ me { residencePermit { status } } }"))
                .exchange()
                .expectStatus().isOk();

        assertThat(allUpstreamRequests()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getHeader("traceparent")).startsWith("00-" + TRACE_ID + "-");
            assertThat(call.containsHeader("baggage")).as("a caller's baggage stays at the gateway").isFalse();
        });
    }

    @Test
    void shouldStartOneTraceForARequestThatBringsNone() {
        resetJournals();

        postQuery("ywtb-1006", QUERY).expectStatus().isOk();

        Set<String> traces = allUpstreamRequests().stream()
                .map(call -> call.getHeader("traceparent").split("-")[1]).collect(Collectors.toSet());
        assertThat(traces).singleElement().asString().matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void shouldStartANewTraceInsteadOfFollowingAMalformedTraceparent() {
        resetJournals();

        graphQlPost("ywtb-1006")
                .header("traceparent", "00-" + "0".repeat(32) + "-" + CALLERS_SPAN + "-01")
                .bodyValue(Map.of("query", "{ me { residencePermit { status } } }"))
                .exchange()
                .expectStatus().isOk();

        assertThat(allUpstreamRequests()).isNotEmpty().allSatisfy(call -> assertThat(call.getHeader("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain("0".repeat(32)));
    }

    @Test
    void shouldReplaceAnUnsafeRequestIdInsteadOfEchoingIt() {
        resetJournals();

        String answered = graphQlPost(null)
                .header("X-Request-Id", "<script>alert(1)</script>")
                .bodyValue(Map.of("query", "{ serviceCenters(district: \"黄浦区\") { id } }"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(answered).matches("[0-9a-f-]{36}");
    }
}
