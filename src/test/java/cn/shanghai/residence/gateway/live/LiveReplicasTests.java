package cn.shanghai.residence.gateway.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.sandbox.SandboxProperties;
import cn.shanghai.residence.gateway.sandbox.StubServers;
import cn.shanghai.residence.gateway.support.GraphQlSocket;
import cn.shanghai.residence.gateway.support.ReplicaSettings;
import cn.shanghai.residence.gateway.support.TestClock;
import cn.shanghai.residence.gateway.support.TestIdentityProvider;
import cn.shanghai.residence.gateway.support.TestLiveTime;
import cn.shanghai.residence.gateway.support.TestRedis;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.stubs.world.SandboxClock;
import cn.shanghai.residence.stubs.world.SandboxWorld;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live progress on two replicas (issue 14 item 5): two gateways (two Spring contexts on two ports, each on virtual
 * live time and a test clock) sharing one Redis of this class's own (the test stops it) and one set of living WireMock
 * agencies, whose sandbox clock the test moves. One replica polls a watched application for both, both tell the same
 * events under the same ids, another takes over when the poller leaves, a client resumes on the other replica, and
 * with Redis down each polls by itself. Nothing sleeps: intervals pass on virtual time, the rest is awaited.
 */
class LiveReplicasTests {

    /** A guard against waiting for ever, not a latency limit. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);
    /** Past any interval of an open registration (10 min, ±10% jitter), short of two. */
    private static final Duration REVIEW_TICK = Duration.ofMinutes(11);
    /** Past police-application's cache (15 s), so a poll reaches police. */
    private static final Duration PAST_CACHE = Duration.ofSeconds(16);
    private static final String PERSON = "ywtb-1001";
    private static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    @TempDir
    static Path files;

    static int redisPort;
    static RedisServer redis;
    static SandboxClock world;
    static SandboxWorld residents;
    static StubServers agencies;
    static String prefix;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    private final List<GraphQlSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() {
        redisPort = TestRedis.freePort();
        redis = TestRedis.ownServer(redisPort);
        world = SandboxClock.system();
        residents = new SandboxWorld(world);
        agencies = new StubServers(new SandboxProperties(true, null, Map.of(), null, null, null), residents);
        prefix = TestRedis.uniquePrefix("live-replicas");
        first = replica();
        second = replica();
    }

    @AfterAll
    static void stopAll() throws IOException {
        first.close();
        second.close();
        agencies.destroy();
        redis.stop();
    }

    /**
     * Each test files the one registration the persona may file: in a world where nobody did anything yet, seen by
     * replicas whose cached answers (five minutes at most) have expired.
     */
    @BeforeEach
    void startCold() {
        residents.reset();
        world.reset();
        for (ConfigurableApplicationContext replica : List.of(first, second)) {
            replica.getBean(TestClock.class).advance(Duration.ofMinutes(6));
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(GraphQlSocket::close);
        sockets.clear();
    }

    @Test
    void shouldPollAnApplicationOncePerIntervalForBothReplicasAndTellBothTheSameEvents() {
        String id = register("live-cluster-once");
        Flux<Map<String, Object>> onFirst = watching(first, id);
        Flux<Map<String, Object>> onSecond = watching(second, id);
        agencies.server(Upstream.POLICE).resetRequests();

        world.advance(Duration.ofHours(2));
        tick(second, first);

        List<Map<String, Object>> toldFirst = onFirst.take(2).collectList().block(HANG_GUARD);
        List<Map<String, Object>> toldSecond = onSecond.take(2).collectList().block(HANG_GUARD);
        assertThat(toldFirst).extracting(LiveReplicasTests::kindAndStatus)
                .containsExactly("TIMELINE_EVENT UNDER_REVIEW", "STATUS_CHANGED UNDER_REVIEW");
        assertThat(toldSecond).as("the same events under the same ids on the other replica").isEqualTo(toldFirst);
        assertThat(polls(id)).as("police polled once for both replicas").isEqualTo(1);

        world.advance(Duration.ofDays(5));
        tick(second, first);

        List<Map<String, Object>> finalFirst = onFirst.skip(2).collectList().block(HANG_GUARD);
        List<Map<String, Object>> finalSecond = onSecond.skip(2).collectList().block(HANG_GUARD);
        assertThat(finalFirst).extracting(LiveReplicasTests::kindAndStatus).containsExactly(
                "TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
        assertThat(finalSecond).as("both streams complete, with the same events").isEqualTo(finalFirst);
        assertThat(polls(id)).as("one more poll for one more interval, not two").isEqualTo(2);
    }

    @Test
    void shouldResumeOnTheOtherReplicaWithWhatItMissedFromTheStream() {
        String id = register("live-cluster-resume");
        Flux<Map<String, Object>> screen = watching(first, id);
        world.advance(Duration.ofHours(2));
        tick(first);
        String lastSeen = (String) screen.take(2).last().block(HANG_GUARD).get("id");

        world.advance(Duration.ofDays(5));
        tick(first);
        List<Map<String, Object>> told = screen.collectList().block(HANG_GUARD);

        List<Map<String, Object>> resumed = updates(second, id, lastSeen).collectList().block(HANG_GUARD);
        assertThat(resumed).extracting(LiveReplicasTests::kindAndStatus).containsExactly(
                "TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
        assertThat(resumed).as("the ids the first replica told").isEqualTo(told.subList(2, told.size()));
    }

    @Test
    void shouldLetAnotherReplicaPollWhenThePollingOneStops() {
        String id = register("live-cluster-takeover");
        ConfigurableApplicationContext leaving = replica(OwnNettyResources.class);
        Flux<Map<String, Object>> staying;
        try {
            updates(leaving, id, null).subscribe(update -> { }, closedAtTheEnd -> { });
            watched(leaving, id);
            staying = watching(second, id);
        } finally {
            leaving.close();
        }
        agencies.server(Upstream.POLICE).resetRequests();

        world.advance(Duration.ofHours(2));
        tick(second);

        Awaitility.await().atMost(HANG_GUARD).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(polls(id)).as("the staying replica polls now").isEqualTo(1));
        assertThat(staying.take(2).collectList().block(HANG_GUARD)).extracting(LiveReplicasTests::kindAndStatus)
                .containsExactly("TIMELINE_EVENT UNDER_REVIEW", "STATUS_CHANGED UNDER_REVIEW");
    }

    @Test
    void shouldPollOnEachReplicaWhileRedisIsDownAndShareAgainWhenItIsBack() throws IOException {
        String id = register("live-cluster-down");
        Flux<Map<String, Object>> onFirst = watching(first, id);
        Flux<Map<String, Object>> onSecond = watching(second, id);
        agencies.server(Upstream.POLICE).resetRequests();

        try {
            redis.stop();
            world.advance(Duration.ofHours(2));
            tick(first, second);

            for (Flux<Map<String, Object>> screen : List.of(onFirst, onSecond)) {
                assertThat(screen.take(2).collectList().block(HANG_GUARD))
                        .extracting(LiveReplicasTests::kindAndStatus)
                        .containsExactly("TIMELINE_EVENT UNDER_REVIEW", "STATUS_CHANGED UNDER_REVIEW");
            }
            assertThat(polls(id)).as("each replica polled by itself").isEqualTo(2);
            assertThat(redisHealth(first)).isEqualTo("DOWN");
        } finally {
            redis = TestRedis.ownServer(redisPort);
        }
        Awaitility.await().atMost(HANG_GUARD).pollInterval(Duration.ofMillis(100))
                .until(() -> "UP".equals(redisHealth(first)) && "UP".equals(redisHealth(second)));

        world.advance(Duration.ofDays(5));
        tick(first, second);

        for (Flux<Map<String, Object>> screen : List.of(onFirst, onSecond)) {
            assertThat(screen.skip(2).collectList().block(HANG_GUARD)).extracting(LiveReplicasTests::kindAndStatus)
                    .containsExactly("TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
        }
        assertThat(polls(id)).as("one replica polls for both again, without a restart").isEqualTo(3);
    }

    /** One interval passes on each replica in turn: its clock past the cache, its live time past the interval. */
    private static void tick(ConfigurableApplicationContext... replicas) {
        for (ConfigurableApplicationContext replica : replicas) {
            replica.getBean(TestClock.class).advance(PAST_CACHE);
            replica.getBean(TestLiveTime.class).advance(REVIEW_TICK);
        }
    }

    /**
     * A screen on the replica watching the application, from its first update: subscribed at once, its updates kept
     * for the test to read, returned once the replica's watch has its first answer and the subscriber.
     */
    private Flux<Map<String, Object>> watching(ConfigurableApplicationContext replica, String id) {
        Flux<Map<String, Object>> screen = updates(replica, id, null).cache();
        screen.subscribe(update -> { }, closedAtTheEnd -> { });
        watched(replica, id);
        return screen;
    }

    /** Waits until the replica's watch of the application has its first answer and one subscriber. */
    private static void watched(ConfigurableApplicationContext replica, String id) {
        replica.getBean(Watches.class).watchedBy("application:" + id, 1).block(HANG_GUARD);
    }

    private static int polls(String id) {
        RequestPatternBuilder reads = getRequestedFor(urlPathEqualTo(Upstream.POLICE.basePath() + "/applications/"
                + id));
        return agencies.server(Upstream.POLICE).countRequestsMatching(reads.build()).getCount();
    }

    private Flux<Map<String, Object>> updates(ConfigurableApplicationContext replica, String id, String after) {
        GraphQlSocket socket = GraphQlSocket.open(port(replica), token(), HANG_GUARD);
        sockets.add(socket);
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        if (after != null) {
            variables.put("after", after);
        }
        return socket.subscribe(LiveProgressTests.APPLICATION_UPDATES, variables)
                .map(payload -> LiveProgressTests.field(payload, "applicationUpdates"));
    }

    private static String kindAndStatus(Map<String, Object> update) {
        return update.get("kind") + " " + LiveProgressTests.status(update);
    }

    private static String register(String idempotencyKey) {
        HttpGraphQlTester persona = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port(first) + "/graphql")
                .responseTimeout(HANG_GUARD)
                .defaultHeaders(headers -> headers.setBearerAuth(token()))
                .build());
        return RentedHomeRegistration.file(persona, LocalDate.now(world), idempotencyKey);
    }

    /** Valid longer than the virtual hour a test moves live time by, so no stream ends for its token. */
    private static String token() {
        return IDP.token(PERSON, TestIdentityProvider.ISSUER, TestIdentityProvider.AUDIENCE, Duration.ofHours(3));
    }

    private static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    }

    /** The {@code redis} component's status in {@code /actuator/health} on the replica's operators' port. */
    private static Object redisHealth(ConfigurableApplicationContext replica) {
        Map<String, Object> health = WebClient.create("http://127.0.0.1:"
                        + replica.getEnvironment().getProperty("local.management.port")).get().uri("/actuator/health")
                .exchangeToMono(response -> response.bodyToMono(JSON_OBJECT))
                .block(Duration.ofSeconds(10));
        Object components = health == null ? null : health.get("components");
        Object redisComponent = components instanceof Map<?, ?> map ? map.get("redis") : null;
        return redisComponent instanceof Map<?, ?> map ? map.get("status") : null;
    }

    /**
     * A replica on virtual live time and a test clock of its own, sharing this class's Redis and agencies; with
     * {@code more} configuration (a replica the test closes while the others run).
     */
    private static ConfigurableApplicationContext replica(Class<?>... more) {
        Map<String, String> settings = ReplicaSettings.onRedis(redisPort, prefix, IDP.writePublicKey(files), agencies);
        settings.put("gateway.live.jitter", "0");
        // A busy CI machine running three gateways must not turn a slow first answer into a timeout.
        settings.put("gateway.request-deadline", "30s");
        settings.put("server.shutdown", "immediate");
        for (Upstream upstream : Upstream.values()) {
            settings.put("gateway.upstreams." + upstream.id() + ".timeout", "20s");
        }
        List<Class<?>> sources = new ArrayList<>(List.of(GatewayApplication.class, TestClock.Registration.class,
                TestLiveTime.Registration.class));
        sources.addAll(List.of(more));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(ReplicaSettings.arguments(settings));
    }

    /**
     * Event loops of the replica's own: by default every gateway in this JVM shares Reactor Netty's global ones, and
     * closing one replica would dispose them under the others.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory ownReactorResources() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }
}
