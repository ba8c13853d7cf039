package cn.shanghai.residence.gateway.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Every upstream call of a request carries its X-Request-Id and one W3C trace. */
class RequestTraceTests extends GatewayIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void shouldCarryTheCallersIdsToEveryUpstream() {
        resetJournals();

        graphQlPost("ywtb-1006")
                .headers(h -> {
                    h.set("X-Request-Id", "app-7f3c2a91");
                    h.set("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
                })
                .bodyValue(Map.of("query", "{ me { residencePermit { status } rentalContracts { status } "
                        + "photos { id } applications { delivery { shipment { status } } } } }"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "app-7f3c2a91");

        List<LoggedRequest> calls = allUpstreamRequests();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(5);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getHeader("X-Request-Id")).isEqualTo("app-7f3c2a91");
            assertThat(call.getHeader("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        });
        Set<String> spans = calls.stream().map(c -> c.getHeader("traceparent")).collect(Collectors.toSet());
        assertThat(spans).as("each upstream call is its own span").hasSameSizeAs(calls);
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
