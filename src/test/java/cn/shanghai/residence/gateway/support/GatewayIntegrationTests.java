package cn.shanghai.residence.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Base of every integration test: the whole gateway on a random port over real HTTP, in sandbox mode against the
 * WireMock stubs from {@code stubs/}. All subclasses share one Spring context and one set of stub servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public abstract class GatewayIntegrationTests {

    @Autowired
    protected HttpGraphQlTester graphQlTester;

    @Autowired
    protected WebTestClient webTestClient;

    @Autowired
    protected StubServers stubs;

    protected WireMockServer stub(Upstream upstream) {
        return stubs.server(upstream);
    }

    /** How many requests an upstream received for paths matching the regex (below its base path). */
    protected int requestsTo(Upstream upstream, String method, String pathRegex) {
        RequestPatternBuilder pattern = RequestPatternBuilder.newRequestPattern(
                com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method),
                urlPathMatching(upstream.basePath() + pathRegex));
        return stub(upstream).countRequestsMatching(pattern.build()).getCount();
    }

    protected void resetJournals() {
        for (Upstream upstream : Upstream.values()) {
            stub(upstream).resetRequests();
        }
    }
}
