package cn.shanghai.residence.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.SessionCounter;

import static org.assertj.core.api.Assertions.assertThat;

/** A bearer token on every request, never a session: no request asks WebFlux for one, signed in or refused. */
class StatelessRequestsTests extends GatewayIntegrationTests {

    @Autowired
    private SessionCounter sessions;

    @Test
    void shouldAnswerASignedInQueryWithoutASession() {
        tokenFor("ywtb-1006");
        sessions.reset();

        postQuery("ywtb-1006", "{ me { residencePermit { status } } }").expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie");

        assertThat(sessions.resolved()).isZero();
    }

    @Test
    void shouldRefuseABadTokenWithoutASession() {
        sessions.reset();

        graphQlPost(null).headers(headers -> headers.setBearerAuth("not.a.token"))
                .bodyValue("{\"query\": \"{ me { personId } }\"}").exchange()
                .expectStatus().isUnauthorized();
        webTestClient.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();

        assertThat(sessions.resolved()).isZero();
    }
}
