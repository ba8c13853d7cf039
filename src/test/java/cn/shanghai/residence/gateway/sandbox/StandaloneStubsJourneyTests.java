package cn.shanghai.residence.gateway.sandbox;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.SandboxJourney;
import cn.shanghai.residence.stubs.world.StandaloneStubs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's journey against stubs on their own: started by {@code StandaloneStubs}, the class {@code stubs/run.sh}
 * runs, with its own world and clock in the stubs; the gateway reaches them through
 * {@code gateway.sandbox.stub-urls} and pushes its sandbox clock over their admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
class StandaloneStubsJourneyTests {

    private static final StandaloneStubs STUBS = new StandaloneStubs(Path.of("stubs"),
            Map.of("police", 0, "housing", 0, "bdc", 0, "postal", 0), false);

    @DynamicPropertySource
    static void stubUrls(DynamicPropertyRegistry registry) {
        for (String upstream : StandaloneStubs.UPSTREAMS) {
            registry.add("gateway.sandbox.stub-urls." + upstream, () -> "http://127.0.0.1:" + STUBS.port(upstream));
        }
    }

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    @Autowired
    HttpGraphQlTester graphQlTester;

    @Autowired
    WebTestClient webTestClient;

    @BeforeEach
    void resetTheSandbox() {
        webTestClient.post().uri("/sandbox/reset").exchange().expectStatus().isOk();
    }

    @Test
    void shouldTakeANewcomerFromRegistrationToPermitHolderAgainstStubsOnTheirOwn() {
        new SandboxJourney(this::as, webTestClient).run();
    }

    @Test
    void shouldPushTheSandboxClockToTheStubs() {
        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", "P30D")).exchange().expectStatus().isOk();

        long apart = Math.abs(java.time.Duration.between(STUBS.world().now(),
                java.time.Instant.now().plus(java.time.Duration.ofDays(30))).toSeconds());
        assertThat(apart).as("seconds between the stubs' sandbox time and real time + 30 days").isLessThan(60);
    }

    private HttpGraphQlTester as(String persona) {
        Map<?, ?> token = webTestClient.post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", persona)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth((String) token.get("accessToken")))
                .build();
    }
}
