package cn.shanghai.residence.gateway.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.SandboxJourney;

/** The living sandbox (issue 12) on the embedded stubs: applications move on the sandbox clock. */
class LivingSandboxTests extends GatewayIntegrationTests {

    @Test
    void shouldTakeANewcomerFromRegistrationToPermitHolderOnTheSandboxClock() {
        new SandboxJourney(this::as, webTestClient).run();
    }

    @Test
    void shouldRefuseAnUnreadableAdvanceWithACode() {
        for (String body : new String[] {"{\"advance\": \"yesterday\"}", "{\"advance\": \"-P1D\"}", "{}", "not json"}) {
            webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_CLOCK");
        }
    }

    @Test
    void shouldRefuseAnUnknownOutcome() {
        webTestClient.post().uri("/sandbox/next-outcome").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("personId", "ywtb-1001", "outcome", "LOST_IN_SPACE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_OUTCOME");
    }
}
