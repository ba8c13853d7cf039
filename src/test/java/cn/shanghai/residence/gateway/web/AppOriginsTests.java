package cn.shanghai.residence.gateway.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS: the sandbox allows local origins (the apps' dev servers); a foreign origin is refused, preflight or not. */
class AppOriginsTests extends GatewayIntegrationTests {

    private static final String DEV_SERVER = "http://localhost:5173";
    private static final String FOREIGN = "https://evil.example.com";

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldAnswerAnAllowedOriginsPreflightWithWhatItMaySend() {
        preflight(DEV_SERVER)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DEV_SERVER)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("POST").contains("GET"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers)
                        .containsIgnoringCase("authorization").containsIgnoringCase("content-type")
                        .containsIgnoringCase("accept-language"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
    }

    @Test
    void shouldLetAnAllowedOriginReadTheAnswerAndItsRequestId() {
        graphQlPost("ywtb-1001").header(HttpHeaders.ORIGIN, DEV_SERVER)
                .bodyValue(Map.of("query", "{ me { personId } }"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DEV_SERVER)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .containsIgnoringCase("X-Request-Id"))
                .expectBody().jsonPath("$.data.me.personId").isEqualTo("ywtb-1001");
    }

    @Test
    void shouldRefuseAForeignOriginBeforeAnythingRuns() {
        preflight(FOREIGN)
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        graphQlPost("ywtb-1001").header(HttpHeaders.ORIGIN, FOREIGN)
                .bodyValue(Map.of("query", "{ me { personId residenceRegistration { status } } }"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(allUpstreamCalls()).isZero();
    }

    @Test
    void shouldAnswerRequestsWithoutAnOriginAsBefore() {
        postQuery(null, "{ faqs { id } }")
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void shouldAllowNoOriginOutsideTheSandboxUnlessConfigured() {
        assertThat(new CorsProperties(null, null).origins(false)).isEmpty();
        assertThat(new CorsProperties(null, null).origins(true)).isEqualTo(CorsProperties.SANDBOX_ORIGINS);
        assertThat(new CorsProperties(List.of("https://app.example.cn"), null).origins(true))
                .containsExactly("https://app.example.cn");
    }

    private WebTestClient.ResponseSpec preflight(String origin) {
        return webTestClient.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, accept-language")
                .exchange();
    }
}
