package cn.shanghai.residence.gateway.sandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.InvalidConfigurationException;
import cn.shanghai.residence.gateway.support.TestIdentityProvider;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.stubs.world.SandboxClock;
import cn.shanghai.residence.stubs.world.SandboxWorld;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway with the sandbox off, as an operator runs it: configured upstreams, a configured identity provider
 * key and issuer. It refuses to start without them and checks every token's signature, issuer, audience, expiry.
 */
class ProductionModeTests {

    private static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final int RATE_LIMIT_BURST = 4;

    /**
     * Buckets are per person (per address when anonymous) and live as long as this class's gateway: the limit test
     * signs in as people no other test here uses, so their buckets are full when it starts, whatever the order.
     * Anonymous requests all come from 127.0.0.1 and share one bucket; the tests here send two, below the burst (the
     * refused tokens, which count by address, name an address of their own).
     */
    private static final String LIMITED_PERSON = "ywtb-1012";
    private static final String OTHER_PERSON = "ywtb-1014";
    private static final String UPLOADING_PERSON = "ywtb-1011";
    private static final String MALFORMED_PERSON = "ywtb-1013";
    private static final String STALLING_PERSON = "ywtb-1010";

    @TempDir
    static Path keys;

    static StubServers upstreams;
    static ConfigurableApplicationContext gateway;
    static WebTestClient client;

    @BeforeAll
    static void startGateway() {
        upstreams = new StubServers(new SandboxProperties(true, null, Map.of(), null, null, null),
                new SandboxWorld(SandboxClock.system()));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(productionArguments(List.of()));
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        upstreams.destroy();
    }

    @Test
    void shouldStartNoStubsAndServeTheConfiguredUpstreams() {
        assertThat(gateway.getBeansOfType(StubServers.class)).isEmpty();
        assertThat(gateway.getBeansOfType(SandboxTokenIssuer.class)).isEmpty();

        graphql(null, "{ serviceCenters(district: \"静安区\") { id district } }")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.serviceCenters[0].district").isEqualTo("静安区");
        client.get().uri("/graphiql").exchange().expectStatus().isNotFound();
        client.post().uri("/sandbox/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("persona", "ywtb-1004")).exchange().expectStatus().isNotFound();
        for (String control : List.of("/sandbox/clock", "/sandbox/reset", "/sandbox/next-outcome")) {
            client.post().uri(control).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("advance", "P6M", "personId", "ywtb-1004", "outcome", "REJECTED"))
                    .exchange().expectStatus().isNotFound();
        }
        for (String page : List.of("/sandbox/clock", "/sandbox/progress", "/sandbox/progress.js")) {
            client.get().uri(page).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void shouldServeTheSignedInPersonWithAProviderToken() {
        graphql(IDP.token("ywtb-1004"), "{ me { personId residenceRegistration { status } } }")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.me.personId").isEqualTo("ywtb-1004")
                .jsonPath("$.data.me.residenceRegistration.status").isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseTokensWithTheWrongIssuerAudienceOrLifetime() {
        List<String> refused = List.of(
                IDP.token("ywtb-1004", "https://evil.example", TestIdentityProvider.AUDIENCE, Duration.ofMinutes(5)),
                IDP.token("ywtb-1004", TestIdentityProvider.ISSUER, "another-app", Duration.ofMinutes(5)),
                IDP.token("ywtb-1004", TestIdentityProvider.ISSUER, TestIdentityProvider.AUDIENCE,
                        Duration.ofMinutes(-5)),
                IDP.tokenWithoutExpiry("ywtb-1004"),
                IDP.tokenNotYetValid("ywtb-1004"),
                TestIdentityProvider.unsignedToken("ywtb-1004"),
                IDP.hmacWithPublicKey("ywtb-1004"),
                "garbage",
                new TestIdentityProvider().token("ywtb-1004"));
        for (int i = 0; i < refused.size(); i++) {
            String token = refused.get(i);
            client.post().uri("/graphql")
                    .headers(headers -> headers.setBearerAuth(token))
                    // A refused token counts against its address's budget: one address each (the test client is a
                    // trusted proxy here), so neither they nor the other tests' anonymous requests run out.
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ me { personId } }"))
                    .exchange()
                    .expectStatus().isUnauthorized().expectBody().isEmpty();
        }
    }

    @Test
    void shouldOfferNoIntrospectionOutsideTheSandbox() {
        graphql(null, "{ __schema { types { name } } }")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void shouldLimitEachPersonsRequestRate() {
        String token = IDP.token(LIMITED_PERSON);
        for (int i = 0; i < RATE_LIMIT_BURST; i++) {
            graphql(token, "{ me { personId } }").expectStatus().isOk();
        }
        graphql(token, "{ me { personId } }")
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter)).isPositive())
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].extensions.retryAfterSeconds").isNumber();
        graphql(IDP.token(OTHER_PERSON), "{ me { personId } }").expectStatus().isOk();
    }

    @Test
    void shouldCountUploadsAgainstThePersonsSameLimit() {
        String token = IDP.token(UPLOADING_PERSON);
        for (int i = 0; i < RATE_LIMIT_BURST; i++) {
            upload(token).expectStatus().isEqualTo(415);
        }
        upload(token)
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
        graphql(token, "{ me { personId } }").expectStatus().isEqualTo(429);
    }

    @Test
    void shouldCountRefusedBodiesAgainstTheLimitAndRefuseBeforeAnyUpstreamCall() {
        String token = IDP.token(MALFORMED_PERSON);
        rawGraphql(token, "{\"query\": ").expectStatus().isBadRequest();
        rawGraphql(token, "[{\"query\": \"{ me { personId } }\"}]").expectStatus().isBadRequest();
        rawGraphql(token, "{\"query\": \"" + "x".repeat(70_000) + "\"}").expectStatus().isEqualTo(413);
        rawGraphql(token, "{\"variables\": {}}").expectStatus().isBadRequest();

        graphql(token, "{ me { residenceRegistration { status } permit { status } } }")
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
        assertThat(upstreamCallsAbout(MALFORMED_PERSON)).as("calls to any agency about the limited person").isZero();
    }

    /**
     * The body is announced but never sent: a limit applied after reading it would wait for it forever; applied first,
     * it answers 429 at once (the socket's read timeout only keeps a broken gateway from hanging the build).
     */
    @Test
    void shouldRefuseAnOverBudgetRequestBeforeReadingItsBody() throws Exception {
        String token = IDP.token(STALLING_PERSON);
        for (int i = 0; i < RATE_LIMIT_BURST; i++) {
            rawGraphql(token, "not json").expectStatus().isBadRequest();
        }
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"query\": \"{ me")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 429");
        }
        assertThat(upstreamCallsAbout(STALLING_PERSON)).isZero();
    }

    @Test
    void shouldRefuseToStartWhenAnUpstreamUrlIsMissing() {
        assertRefusedToStart(List.of("gateway.upstreams.postal.base-url"), "gateway.upstreams.postal.base-url");
    }

    @Test
    void shouldRefuseToStartWithoutTheIssuer() {
        assertRefusedToStart(List.of("gateway.security.issuer"), "gateway.security.issuer");
    }

    @Test
    void shouldRefuseToStartWithoutAKey() {
        assertRefusedToStart(List.of("spring.security.oauth2.resourceserver.jwt.public-key-location"),
                "public-key-location");
    }

    @Test
    void shouldRefuseAnOperatorsPortThatWouldListenOnEveryInterface() {
        assertRefusedToStart(Map.of("management.server.address", ""), "management.server.address");
    }

    @Test
    void shouldRefuseTheActuatorOnThePublicPort() {
        assertRefusedToStart(Map.of("server.port", "18999", "management.server.port", "18999"),
                "management.server.port");
    }

    @Test
    void shouldRefuseTheActuatorSwitchedOff() {
        assertRefusedToStart(Map.of("management.server.port", "-1"), "management.server.port");
    }

    @Test
    void shouldRefuseASandboxInFrontOfRealUpstreams() {
        SpringApplication app = new SpringApplicationBuilder(GatewayApplication.class).build();
        List<String> arguments = new ArrayList<>(List.of(productionArguments(List.of())));
        arguments.removeIf(argument -> argument.startsWith("--gateway.sandbox.enabled")
                || argument.startsWith("--spring.security"));
        assertThatThrownBy(() -> app.run(arguments.toArray(String[]::new)).close())
                .rootCause()
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.sandbox.enabled")
                .hasMessageContaining("base-url");
    }

    private static void assertRefusedToStart(List<String> leftOut, String property) {
        SpringApplication app = new SpringApplicationBuilder(GatewayApplication.class).build();
        assertThatThrownBy(() -> app.run(productionArguments(leftOut)).close())
                .rootCause()
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(property);
    }

    private static void assertRefusedToStart(Map<String, String> overrides, String property) {
        SpringApplication app = new SpringApplicationBuilder(GatewayApplication.class).build();
        assertThatThrownBy(() -> app.run(productionArguments(List.of(), overrides)).close())
                .rootCause()
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(property);
    }

    private static String[] productionArguments(List<String> leftOut) {
        return productionArguments(leftOut, Map.of());
    }

    /** A complete production configuration, less the properties left out, with the overrides. */
    private static String[] productionArguments(List<String> leftOut, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gateway.sandbox.enabled", "false");
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("gateway.rate-limit.burst", String.valueOf(RATE_LIMIT_BURST));
        settings.put("gateway.rate-limit.requests-per-minute", "1");
        settings.put("gateway.trusted-proxies", "127.0.0.1,::1");
        settings.put("gateway.security.issuer", TestIdentityProvider.ISSUER);
        settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + IDP.writePublicKey(keys));
        for (Upstream upstream : Upstream.values()) {
            settings.put("gateway.upstreams." + upstream.id() + ".base-url", upstreams.baseUrl(upstream).toString());
        }
        leftOut.forEach(settings::remove);
        settings.putAll(overrides);
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A photo upload that is refused at the edge (not a JPEG), so it costs nothing but its request. */
    private static WebTestClient.ResponseSpec upload(String token) {
        return client.post().uri("/uploads/photos")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue("not a photo".getBytes(StandardCharsets.US_ASCII))
                .exchange();
    }

    private static int port() {
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
    }

    private static int upstreamCallsAbout(String personId) {
        int calls = 0;
        for (Upstream upstream : Upstream.values()) {
            calls += upstreams.server(upstream).countRequestsMatching(
                    anyRequestedFor(urlPathMatching(".*" + personId + ".*")).build()).getCount();
        }
        return calls;
    }

    /** A POST to {@code /graphql} with this exact JSON body, well-formed or not. */
    private static WebTestClient.ResponseSpec rawGraphql(String token, String body) {
        return client.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private static WebTestClient.ResponseSpec graphql(String token, String query) {
        return client.post().uri("/graphql")
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange();
    }
}
