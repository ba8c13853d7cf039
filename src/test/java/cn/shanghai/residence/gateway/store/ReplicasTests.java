package cn.shanghai.residence.gateway.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.sandbox.SandboxProperties;
import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.support.ReplicaSettings;
import cn.shanghai.residence.gateway.support.TestIdentityProvider;
import cn.shanghai.residence.gateway.support.TestRedis;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.stubs.world.SandboxClock;
import cn.shanghai.residence.stubs.world.SandboxWorld;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateways (two Spring contexts on two ports) behind an imaginary load balancer, sharing one Redis and one set of
 * WireMock agencies (issue 14 item 7): nothing is submitted twice, one rate budget, caches coherent, and Redis failing
 * and coming back. The Redis is a redis-server of this class's own on a free port (append-only file, fsync always,
 * as the README's runbook asks for production), because the test stops and starts it: never the shared 6379.
 * Each test uses its own persona, so budgets and applications never meet.
 */
class ReplicasTests {

    private static final Logger log = LoggerFactory.getLogger(ReplicasTests.class);
    private static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final int BURST = 25;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    @TempDir
    static Path files;

    static int redisPort;
    static RedisServer redis;
    static StubServers agencies;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static WebClient a;
    static WebClient b;

    @BeforeAll
    static void startTwoReplicas() throws IOException {
        redisPort = TestRedis.freePort();
        redis = startRedis();
        agencies = new StubServers(new SandboxProperties(true, null, Map.of(), null, null, null),
                new SandboxWorld(SandboxClock.system()));
        String[] settings = settings(TestRedis.uniquePrefix("replicas"));
        first = new SpringApplicationBuilder(GatewayApplication.class).run(settings);
        second = new SpringApplicationBuilder(GatewayApplication.class).run(settings);
        a = client(first);
        b = client(second);
    }

    @AfterAll
    static void stopAll() throws IOException {
        first.close();
        second.close();
        agencies.destroy();
        redis.stop();
    }

    @Test
    void shouldSubmitTwentyRacingDuplicatesSpreadOverBothReplicasToPoliceOnce() {
        String person = "ywtb-1010";
        String mutation = "mutation { reportPermitLoss(input: {idempotencyKey: \"race-loss-0001\"}) "
                + "{ application { id kind } userErrors { code } } }";

        List<Map<String, Object>> answers = Flux.range(0, 20)
                .flatMap(i -> post(i % 2 == 0 ? a : b, IDP.token(person), mutation), 20)
                .collectList()
                .block(Duration.ofSeconds(30));

        List<Object> ids = answers.stream().map(answer -> at(answer, "data", "reportPermitLoss", "application", "id"))
                .toList();
        assertThat(ids).as("answers: %s", answers).hasSize(20).doesNotContainNull();
        assertThat(ids).as("every duplicate gets the first outcome").containsOnly(ids.get(0));
        assertThat(submissionsOf(person)).as("POSTs police received").isEqualTo(1);
    }

    @Test
    void shouldLimitABurstSpreadOverBothReplicasAsOneBudget() {
        String token = IDP.token("ywtb-1001");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 6; i++) {
            statuses.add(status(i % 2 == 0 ? a : b, token, "{ me { personId } }"));
        }

        assertThat(statuses.stream().filter(status -> status == 200).count()).as("answered").isEqualTo(BURST);
        assertThat(statuses.stream().filter(status -> status == 429).count()).as("refused").isEqualTo(6);
    }

    @Test
    void shouldKeyAnonymousCallersByTheAddressATrustedProxyForwards() {
        for (int i = 0; i < BURST; i++) {
            assertThat(anonymous(i % 2 == 0 ? a : b, "203.0.113.7")).isEqualTo(200);
        }
        assertThat(anonymous(a, "203.0.113.7")).as("that address's budget is spent on both replicas").isEqualTo(429);
        assertThat(anonymous(b, "203.0.113.8")).as("another caller behind the same proxy").isEqualTo(200);
    }

    @Test
    void shouldShowAMutationOnOneReplicaInTheOthersNextMe() {
        String token = IDP.token("ywtb-1009");
        String applications = "{ me { applications { id kind } } }";
        assertThat(String.valueOf(post(b, token, applications).block())).doesNotContain("PERMIT_LOSS_CANCEL");

        Map<String, Object> done = post(a, token, "mutation { cancelPermitLoss(input: {idempotencyKey: "
                + "\"found-coherent-01\"}) { application { id } userErrors { code } } }").block();
        String id = String.valueOf(at(done, "data", "cancelPermitLoss", "application", "id"));
        long changed = System.nanoTime();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> String.valueOf(post(b, token, applications).block()).contains(id));
        log.info("Replica B showed replica A's application {} ms after A answered (police cache TTL here: 10 min)",
                (System.nanoTime() - changed) / 1_000_000);
    }

    @Test
    void shouldRefuseMutationsServeReadsAndLimitPerReplicaWhileRedisIsDownThenRecover() throws IOException {
        String token = IDP.token("ywtb-1008");
        String loss = "mutation { reportPermitLoss(input: {idempotencyKey: \"down-loss-0001\"}) "
                + "{ application { id } userErrors { code } } }";
        redis.stop();
        try {
            Map<String, Object> refused = post(a, token, loss).block();
            assertThat(at(refused, "errors", 0, "extensions", "code")).isEqualTo("STORE_UNAVAILABLE");
            assertThat(at(refused, "errors", 0, "extensions", "retryable")).isEqualTo(true);
            assertThat(submissionsOf("ywtb-1008")).as("nothing submitted").isZero();

            Map<String, Object> read = post(b, token, "{ me { residenceRegistration { status } } }").block();
            assertThat(at(read, "data", "me", "residenceRegistration", "status")).isEqualTo("ACTIVE");

            String limited = IDP.token("ywtb-1002");
            for (int i = 0; i < BURST; i++) {
                assertThat(status(a, limited, "{ me { personId } }")).isEqualTo(200);
            }
            assertThat(status(a, limited, "{ me { personId } }")).as("A still limits, by itself").isEqualTo(429);
            assertThat(status(b, limited, "{ me { personId } }")).as("B has its own budget").isEqualTo(200);

            assertThat(redisHealth(first)).isEqualTo("DOWN");
        } finally {
            redis = startRedis();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "UP".equals(redisHealth(first)));

        Map<String, Object> accepted = post(a, token, loss).block();
        assertThat(at(accepted, "data", "reportPermitLoss", "application", "id")).isNotNull();
        assertThat(submissionsOf("ywtb-1008")).isEqualTo(1);
    }

    @Test
    void shouldLoseNoAcceptedOutcomeAndSubmitNoDuplicateWhenRedisRestarts() throws IOException {
        String token = IDP.token("ywtb-1014");
        String loss = "mutation { reportPermitLoss(input: {idempotencyKey: \"restart-loss-01\"}) "
                + "{ application { id } userErrors { code } } }";
        Object acceptedId = at(post(a, token, loss).block(), "data", "reportPermitLoss", "application", "id");
        assertThat(acceptedId).isNotNull();

        redis.stop();
        redis = startRedis();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "UP".equals(redisHealth(second)));

        Map<String, Object> retried = post(b, token, loss).block();
        assertThat(at(retried, "data", "reportPermitLoss", "application", "id")).isEqualTo(acceptedId);
        assertThat(submissionsOf("ywtb-1014")).as("the outcome came from Redis, not from a second POST").isEqualTo(1);
    }

    private static int submissionsOf(String person) {
        RequestPatternBuilder submissions = postRequestedFor(urlPathEqualTo("/police/v1/applications"))
                .withRequestBody(containing("\"" + person + "\""));
        return agencies.server(Upstream.POLICE).countRequestsMatching(submissions.build()).getCount();
    }

    private static Mono<Map<String, Object>> post(WebClient gateway, String token, String query) {
        return gateway.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .retrieve()
                .bodyToMono(JSON_OBJECT);
    }

    private static int status(WebClient gateway, String token, String query) {
        return gateway.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(10));
    }

    private static int anonymous(WebClient gateway, String forwardedFor) {
        return gateway.post().uri("/graphql")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ faqs(keyword: \"签注\") { question } }"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(10));
    }

    /** The {@code redis} component's status in {@code /actuator/health} on the replica's operators' port. */
    private static Object redisHealth(ConfigurableApplicationContext replica) {
        Map<String, Object> health = WebClient.create("http://127.0.0.1:"
                        + replica.getEnvironment().getProperty("local.management.port")).get().uri("/actuator/health")
                .exchangeToMono(response -> response.bodyToMono(JSON_OBJECT))
                .block(Duration.ofSeconds(10));
        return at(health, "components", "redis", "status");
    }

    /** A value inside a decoded JSON answer, by keys and list indexes; null when absent. */
    private static Object at(Object json, Object... path) {
        Object current = json;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    private static RedisServer startRedis() throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("dir " + files.toAbsolutePath())
                .setting("appendonly yes")
                .setting("appendfsync always")
                .setting("save \"\"")
                .build();
        server.start();
        return server;
    }

    private static WebClient client(ConfigurableApplicationContext gateway) {
        return WebClient.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    private static String[] settings(String prefix) {
        Map<String, String> settings = ReplicaSettings.onRedis(redisPort, prefix, IDP.writePublicKey(files), agencies);
        settings.put("gateway.rate-limit.burst", String.valueOf(BURST));
        settings.put("gateway.rate-limit.requests-per-minute", "1");
        settings.put("gateway.trusted-proxies", "127.0.0.1,::1");
        settings.put("gateway.cache.resources.police-applications.ttl", "10m");
        return ReplicaSettings.arguments(settings);
    }
}
