package cn.shanghai.residence.gateway.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamEndpoints;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTests extends GatewayIntegrationTests {

    @Autowired
    UpstreamEndpoints endpoints;

    @Test
    void shouldServeGraphiQl() {
        webTestClient.get().uri("/graphiql?path=/graphql").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).containsIgnoringCase("graphiql"));
    }

    @Test
    void shouldReportUp() {
        webTestClient.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void shouldPointEveryUpstreamAtItsEmbeddedStub() {
        for (Upstream upstream : Upstream.values()) {
            assertThat(endpoints.baseUrl(upstream).toString())
                    .isEqualTo("http://127.0.0.1:" + stub(upstream).port() + upstream.basePath());
        }
    }

    @Test
    void shouldServeTheSchemaFromTheSchemaFolder() {
        webTestClient.get().uri("/graphql/schema")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(schema -> assertThat(schema)
                        .contains("serviceCenters(acceptsPermitPickup: Boolean, district: String)")
                        .contains("type Faq"));
    }
}
