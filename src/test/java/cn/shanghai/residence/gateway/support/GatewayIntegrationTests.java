package cn.shanghai.residence.gateway.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamGuards;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Base of every integration test: the whole gateway on a random port over real HTTP, in sandbox mode against the
 * WireMock stubs from {@code stubs/}, on a {@link TestClock}. All subclasses share one Spring context and one set
 * of stub servers, so whatever a test changes in them (extra stubs, delays, the clock) is undone around each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import({TestClock.Registration.class, TestLiveTime.Registration.class, SessionCounter.Registration.class})
public abstract class GatewayIntegrationTests {

    @Autowired
    protected HttpGraphQlTester graphQlTester;

    @Autowired
    protected WebTestClient webTestClient;

    @Autowired
    protected StubServers stubs;

    @Autowired
    protected ResourceCaches caches;

    @Autowired
    protected UpstreamGuards guards;

    @Autowired
    protected TestClock clock;

    @Value("${local.management.port}")
    private int managementPort;

    @Autowired
    protected TestLiveTime liveTime;

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    private record TestStub(Upstream upstream, StubMapping mapping) {
    }

    private final List<TestStub> testStubs = new ArrayList<>();

    /**
     * Every test starts cold: system time, a sandbox world where no resident did anything yet, empty caches, closed
     * breakers, full retry budgets, no delays.
     */
    @BeforeEach
    void startCold() {
        clock.reset();
        stubs.world().reset();
        caches.invalidateAll();
        guards.resetAll();
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).setGlobalFixedDelay(0);
        }
    }

    /** Removes the stubs a test added through {@link #stubForThisTest}, and puts every scenario back at its start. */
    @AfterEach
    void removeTestStubs() {
        for (TestStub added : testStubs) {
            WireMockServer server = stub(added.upstream());
            if (server.getStubMappings().stream().anyMatch(m -> m.getId().equals(added.mapping().getId()))) {
                server.removeStub(added.mapping());
            }
        }
        testStubs.clear();
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).resetScenarios();
        }
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** A tester signed in as a demo persona, with a real RS256 token from {@code POST /sandbox/token}. */
    protected HttpGraphQlTester as(String personaId) {
        String token = tokenFor(personaId);
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    /** A real RS256 token for a demo persona, issued once per run by {@code POST /sandbox/token}. */
    protected String tokenFor(String personaId) {
        return TOKENS.computeIfAbsent(personaId, this::issueToken);
    }

    private String issueToken(String personaId) {
        Map<?, ?> answer = webTestClient.post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", personaId))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("accessToken");
    }

    /**
     * {@code POST /graphql} with a JSON content type, signed in as the persona ({@code null}: anonymous); add headers
     * or an Accept, then a body. For what {@link #as} cannot send: raw bodies, status codes, extra headers.
     */
    protected WebTestClient.RequestBodySpec graphQlPost(String persona) {
        WebTestClient.RequestBodySpec request = webTestClient.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON);
        if (persona != null) {
            String token = tokenFor(persona);
            request.headers(headers -> headers.setBearerAuth(token));
        }
        return request;
    }

    /** Sends {@code {"query": document}} as the persona ({@code null}: anonymous). */
    protected WebTestClient.ResponseSpec postQuery(String persona, String document) {
        return graphQlPost(persona).bodyValue(Map.of("query", document)).exchange();
    }

    /** Sends a JSON body as is (malformed, oversized, with variables) as the persona ({@code null}: anonymous). */
    protected WebTestClient.ResponseSpec postBody(String persona, String json) {
        return graphQlPost(persona).bodyValue(json).exchange();
    }

    /** A client of the operators' port (the actuator's own server, {@code management.server.port}). */
    protected WebTestClient operators() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    /** What Prometheus would scrape from the operators' port now. */
    protected Scrape scrape() {
        return Scrape.of(operators().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    protected WireMockServer stub(Upstream upstream) {
        return stubs.server(upstream);
    }

    /** Adds a stub mapping for this test only: it is removed after the test, whatever the outcome. */
    protected StubMapping stubForThisTest(Upstream upstream, MappingBuilder mapping) {
        StubMapping added = stub(upstream).stubFor(mapping);
        testStubs.add(new TestStub(upstream, added));
        return added;
    }

    /** Every path of the upstream answers with {@code response} (above the regular stubs) until the test ends. */
    protected StubMapping outage(Upstream upstream, ResponseDefinitionBuilder response) {
        return stubForThisTest(upstream, any(urlPathMatching(upstream.basePath() + "/.*")).atPriority(1)
                .willReturn(response));
    }

    /** Ends a test stub early, e.g. to show recovery from an outage. */
    protected void removeTestStub(Upstream upstream, StubMapping mapping) {
        stub(upstream).removeStub(mapping);
    }

    /** How many requests an upstream received for paths matching the regex (below its base path). */
    protected int requestsTo(Upstream upstream, String method, String pathRegex) {
        RequestPatternBuilder pattern = RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method),
                urlPathMatching(upstream.basePath() + pathRegex));
        return stub(upstream).countRequestsMatching(pattern.build()).getCount();
    }

    /** How many requests all four upstreams received (since the last {@link #resetJournals}). */
    protected int allUpstreamCalls() {
        return allUpstreamRequests().size();
    }

    /** Every request the four upstreams received (since the last {@link #resetJournals}). */
    protected List<LoggedRequest> allUpstreamRequests() {
        return Arrays.stream(Upstream.values())
                .flatMap(upstream -> stub(upstream).getAllServeEvents().stream())
                .map(event -> event.getRequest())
                .toList();
    }

    protected void resetJournals() {
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).resetRequests();
        }
    }
}
