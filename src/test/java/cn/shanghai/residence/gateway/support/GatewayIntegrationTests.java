package cn.shanghai.residence.gateway.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamGuards;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Base of every integration test: the whole gateway on a random port over real HTTP, in sandbox mode against the
 * WireMock stubs from {@code stubs/}. All subclasses share one Spring context and one set of stub servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
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

    /** Every test starts cold: empty caches, closed breakers, full retry budgets, no extra stubs, no delays. */
    @BeforeEach
    void startCold() {
        caches.invalidateAll();
        guards.resetAll();
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).setGlobalFixedDelay(0);
        }
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** A tester signed in as a demo persona, with a real RS256 token from {@code POST /sandbox/token}. */
    protected HttpGraphQlTester as(String personaId) {
        String token = TOKENS.computeIfAbsent(personaId, this::tokenFor);
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    protected String tokenFor(String personaId) {
        Map<?, ?> answer = webTestClient.post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", personaId))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("accessToken");
    }

    protected WireMockServer stub(Upstream upstream) {
        return stubs.server(upstream);
    }

    /** How many requests an upstream received for paths matching the regex (below its base path). */
    protected int requestsTo(Upstream upstream, String method, String pathRegex) {
        RequestPatternBuilder pattern = RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method),
                urlPathMatching(upstream.basePath() + pathRegex));
        return stub(upstream).countRequestsMatching(pattern.build()).getCount();
    }

    protected void resetJournals() {
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).resetRequests();
        }
    }
}
