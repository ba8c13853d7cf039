package cn.shanghai.residence.gateway.web;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health details (each agency's breaker and failure rate) and the metrics are for operators: the public port says
 * UP or DOWN and nothing more, the actuator's own port says everything without a token.
 */
class OperatorsPortTests extends GatewayIntegrationTests {

    @Test
    void shouldAnswerPublicHealthWithItsStatusOnly() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness",
                "/actuator/health/liveness"}) {
            webTestClient.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist()
                    .jsonPath("$.groups").doesNotExist();
        }
    }

    @Test
    void shouldKeepAnOpenBreakerToTheOperators() {
        guards.of(Upstream.POLICE).circuitBreaker().transitionToOpenState();

        operators().get().uri("/actuator/health").exchange()
                .expectBody().jsonPath("$.components.upstreams.details.police.circuitBreaker").isEqualTo("OPEN");
        webTestClient.get().uri("/actuator/health").exchange()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("police", "OPEN"));
    }

    @Test
    void shouldRefuseEveryOtherActuatorPathOnThePublicPort() {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/health/upstreams",
                "/actuator/metrics"}) {
            webTestClient.get().uri(path).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(401, 403));
        }
    }

    @Test
    void shouldShowOperatorsEveryBreakerWithoutAToken() {
        operators().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.upstreams.details.police.circuitBreaker").isEqualTo("CLOSED")
                .jsonPath("$.components.upstreams.details.bdc.failureRate").exists();
    }
}
