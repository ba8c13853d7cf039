package cn.shanghai.residence.gateway.sandbox;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page and file the gateway serves, and its JSON answers, carry the security headers (issue 15 item 8). */
class SecurityHeadersTests extends GatewayIntegrationTests {

    private static final String POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ParameterizedTest
    @ValueSource(strings = {"/sandbox", "/sandbox/index.js", "/sandbox/progress", "/sandbox/progress.js", "/graphiql",
            "/sandbox/graphiql.js", "/sandbox/assets/graphiql.min.js", "/sandbox/assets/graphiql.min.css",
            "/sandbox/assets/react.production.min.js", "/sandbox/assets/react-dom.production.min.js"})
    void shouldServeEveryPageAndFileUnderThePolicyThatLoadsOnlyTheGatewaysFiles(String path) {
        headersOf(webTestClient.get().uri(path).exchange().expectStatus().isOk());
    }

    @Test
    void shouldSendTheHeadersAndNoStoreWithPersonalJson() {
        headersOf(graphQlPost("ywtb-1001").bodyValue(Map.of("query", "{ me { personId } }")).exchange()
                .expectStatus().isOk())
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
        headersOf(webTestClient.get().uri("/sandbox/personas").exchange().expectStatus().isOk())
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void shouldLoadNothingFromElsewhereOnItsPages() {
        for (String page : new String[] {"/sandbox", "/sandbox/progress", "/graphiql"}) {
            webTestClient.get().uri(page).exchange()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(html -> assertThat(html).as(page)
                            .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script>"));
        }
    }

    @Test
    void shouldServeOnlyTheNamedAssets() {
        webTestClient.get().uri("/sandbox/assets/graphiql.css").exchange().expectStatus().isNotFound();
        webTestClient.get().uri("/sandbox/assets/..%2Fapplication.yml").exchange().expectStatus().is4xxClientError();
        webTestClient.get().uri("/webjars/graphiql/2.4.7/graphiql.min.js").exchange().expectStatus()
                .is4xxClientError();
    }

    private static WebTestClient.ResponseSpec headersOf(WebTestClient.ResponseSpec response) {
        return response
                .expectHeader().valueEquals("Content-Security-Policy", POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
}
