package cn.shanghai.residence.gateway.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OTLP endpoint configured, the gateway exports one trace per request to the collector: the request's
 * server span, the read and call spans of each upstream resource, and the HTTP client span whose id the upstream
 * received in its {@code traceparent}, all joined by parent links. The collector here is a WireMock server that
 * takes OTLP/HTTP protobuf as a real collector would; the spans are decoded with the OTLP proto classes.
 */
class TracingExportTests extends GatewayIntegrationTests {

    private static final WireMockServer COLLECTOR = startCollector();
    private static final HexFormat HEX = HexFormat.of();

    private static WireMockServer startCollector() {
        WireMockServer collector = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        collector.start();
        collector.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
        return collector;
    }

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.port() + "/v1/traces");
        properties.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
        properties.add("management.tracing.sampling.probability", () -> "1.0");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop();
    }

    @Test
    void shouldExportOneTraceJoiningTheRequestAndItsUpstreamCalls() {
        resetJournals();
        String token = ownToken("ywtb-1006");

        graphQlPost(null).headers(headers -> headers.setBearerAuth(token))
                .bodyValue(Map.of("query", "{ me { residencePermit { status } photos { id } } }"))
                .exchange()
                .expectStatus().isOk();

        List<LoggedRequest> upstreamCalls = allUpstreamRequests();
        assertThat(upstreamCalls).hasSizeGreaterThanOrEqualTo(2);
        Set<String> traceIds = upstreamCalls.stream().map(call -> call.getHeader("traceparent").split("-")[1])
                .collect(Collectors.toSet());
        assertThat(traceIds).as("every upstream call of the request is in one trace").hasSize(1);
        String traceId = traceIds.iterator().next();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> {
            Map<String, Span> spans = exported(traceId);
            Span server = spans.values().stream().filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                    .filter(span -> span.getParentSpanId().isEmpty()).findFirst().orElseThrow();
            for (LoggedRequest call : upstreamCalls) {
                String clientSpanId = call.getHeader("traceparent").split("-")[2];
                Span client = spans.get(clientSpanId);
                assertThat(client).as("the span the upstream was told about was exported").isNotNull();
                assertThat(client.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(ancestors(client, spans)).as("its parents lead to the request's span")
                        .extracting(Span::getName).contains("gateway.upstream.call", "gateway.upstream.read")
                        .last().isEqualTo(server.getName());
                assertThat(ancestors(client, spans).get(ancestors(client, spans).size() - 1).getSpanId())
                        .isEqualTo(server.getSpanId());
            }
        });

        Map<String, Span> spans = exported(traceId);
        Span read = spans.values().stream().filter(span -> span.getName().equals("gateway.upstream.read"))
                .filter(span -> attributes(span).get("resource").equals("police-permit")).findFirst().orElseThrow();
        assertThat(attributes(read)).containsEntry("upstream", "police").containsEntry("cache", "miss");
        Span call = spans.values().stream().filter(span -> span.getName().equals("gateway.upstream.call"))
                .filter(span -> attributes(span).get("resource").equals("police-permit")).findFirst().orElseThrow();
        assertThat(attributes(call)).containsEntry("upstream", "police").containsEntry("outcome", "SUCCESS")
                .containsEntry("retries", "0");
        assertThat(spans.values()).as("the request, its reads, calls and HTTP calls: no framework's inner spans")
                .allSatisfy(span -> assertThat(span.getKind() != Span.SpanKind.SPAN_KIND_INTERNAL
                        || span.getName().startsWith("gateway.upstream.")).as(span.getName()).isTrue());
        assertThat(spans.values()).as("no span names the person").allSatisfy(span -> {
            assertThat(span.getName()).doesNotContain("ywtb-1006");
            assertThat(attributes(span).values()).noneMatch(value -> value.contains("ywtb-1006"));
        });
    }

    @Test
    void shouldExportAFailedCallWithoutTheUrlOrMessageThatNameThePerson() {
        resetJournals();
        outage(Upstream.BDC, aResponse().withStatus(500).withBody("{\"person\":\"ywtb-1006\"}"));
        String token = ownToken("ywtb-1006");

        graphQlPost(null).headers(headers -> headers.setBearerAuth(token))
                .bodyValue(Map.of("query", "{ me { profile { name } } }"))
                .exchange()
                .expectStatus().isOk();

        String traceId = allUpstreamRequests().get(0).getHeader("traceparent").split("-")[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> assertThat(exported(traceId).values())
                        .anySatisfy(span -> assertThat(attributes(span))
                                .containsEntry("outcome", "UPSTREAM_ERROR").containsEntry("retries", "2")));
        assertThat(exported(traceId).values()).as("no span names the person").allSatisfy(span -> {
            assertThat(span.toString()).doesNotContain("ywtb-1006");
            assertThat(span.getEventsList()).isEmpty();
        });
    }

    /** The span's parent, its parent's parent, and so on, as far as the exported spans go. */
    private static List<Span> ancestors(Span span, Map<String, Span> spans) {
        List<Span> chain = new ArrayList<>();
        Span parent = spans.get(HEX.formatHex(span.getParentSpanId().toByteArray()));
        while (parent != null) {
            chain.add(parent);
            parent = spans.get(HEX.formatHex(parent.getParentSpanId().toByteArray()));
        }
        return chain;
    }

    /** Every span of one trace the collector received so far, by span id. */
    private static Map<String, Span> exported(String traceId) {
        return COLLECTOR.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().startsWith("/v1/traces"))
                .map(request -> decode(request.getBody()))
                .flatMap(export -> export.getResourceSpansList().stream())
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream())
                .filter(span -> HEX.formatHex(span.getTraceId().toByteArray()).equals(traceId))
                .collect(Collectors.toMap(span -> HEX.formatHex(span.getSpanId().toByteArray()),
                        Function.identity(), (a, b) -> a));
    }

    private static Map<String, String> attributes(Span span) {
        return span.getAttributesList().stream()
                .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue(), (a, b) -> a));
    }

    private static ExportTraceServiceRequest decode(byte[] body) {
        try {
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException notOtlp) {
            throw new AssertionError("the collector received something that is not OTLP protobuf", notOtlp);
        }
    }

    /**
     * From this context's own sandbox issuer: the tokens the base class keeps are another context's. The first
     * request of a fresh context on a busy machine may take longer than WebTestClient's 5 s.
     */
    private String ownToken(String persona) {
        return (String) webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", persona)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
    }
}
