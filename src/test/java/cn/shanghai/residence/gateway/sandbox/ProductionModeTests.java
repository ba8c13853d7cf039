package cn.shanghai.residence.gateway.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway with the sandbox off: it uses only configured upstreams and refuses to start without them. */
class ProductionModeTests {

    @Test
    void shouldRefuseToStartWhenAnUpstreamUrlIsMissing() {
        SpringApplication app = new SpringApplicationBuilder(GatewayApplication.class).build();

        assertThatThrownBy(() -> app.run("--gateway.sandbox.enabled=false", "--server.port=0",
                        "--gateway.upstreams.police.base-url=http://127.0.0.1:1/police/v1",
                        "--gateway.upstreams.housing.base-url=http://127.0.0.1:1/housing/v1",
                        "--gateway.upstreams.bdc.base-url=http://127.0.0.1:1/bdc/v1"))
                .rootCause()
                .isInstanceOf(UpstreamConfigurationException.class)
                .hasMessageContaining("gateway.upstreams.postal.base-url");
    }

    @Test
    void shouldStartNoStubsAndCallTheConfiguredUpstreams() {
        StubServers upstreams = new StubServers(new SandboxProperties(true, null, Map.of()));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .run("--gateway.sandbox.enabled=false", "--server.port=0",
                        "--gateway.upstreams.police.base-url=" + upstreams.baseUrl(Upstream.POLICE),
                        "--gateway.upstreams.housing.base-url=" + upstreams.baseUrl(Upstream.HOUSING),
                        "--gateway.upstreams.bdc.base-url=" + upstreams.baseUrl(Upstream.BDC),
                        "--gateway.upstreams.postal.base-url=" + upstreams.baseUrl(Upstream.POSTAL))) {
            assertThat(context.getBeansOfType(StubServers.class)).isEmpty();
            String port = context.getEnvironment().getProperty("local.server.port");
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

            client.post().uri("/graphql")
                    .header("Content-Type", "application/json")
                    .bodyValue(Map.of("query", "{ serviceCenters(district: \"静安区\") { id district } }"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.data.serviceCenters[0].district").isEqualTo("静安区");
            client.get().uri("/graphiql").exchange().expectStatus().isNotFound();
            assertThat(upstreams.server(Upstream.BDC).getAllServeEvents()).hasSize(1);
        } finally {
            upstreams.destroy();
        }
    }

}
