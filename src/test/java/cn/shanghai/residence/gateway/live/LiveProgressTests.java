package cn.shanghai.residence.gateway.live;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 over real WebSocket connections (graphql-transport-ws): applications moved by the sandbox clock, one
 * poll per interval for many screens, resuming, authorization, token expiry and an EMS outage. Poll intervals pass
 * on virtual time ({@code liveTime}); nothing sleeps.
 */
class LiveProgressTests extends GatewayIntegrationTests {

    static final String APPLICATION_UPDATES = """
            subscription($id: ID!, $after: ID) {
              applicationUpdates(id: $id, after: $after) {
                id kind at upstream
                application { id status timeline { status } }
                timelineEvent { status note }
                parcelEvent { location description }
              }
            }""";

    /**
     * How long a step may take before the test is declared hung: a guard against waiting for ever, not a latency
     * limit (nothing here is timed on the wall clock; intervals pass on virtual time).
     */
    static final Duration HANG_GUARD = Duration.ofMinutes(1);

    /** Past any interval of an open registration (10 min, ±10% jitter), short of two. */
    static final Duration REVIEW_TICK = Duration.ofMinutes(11);

    @Autowired
    Watches watches;

    private final List<WebSocketGraphQlTester> sockets = new ArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierWatches() {
        watches.quiet().block(HANG_GUARD);
        watches.forgetUnwatched();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(socket -> socket.stop().block(HANG_GUARD));
        sockets.clear();
    }

    @Test
    void shouldTellEveryStepOfARegistrationInOrderAsTheSandboxClockMovesIt() {
        String id = register("ywtb-1001", "live-steps");

        StepVerifier.create(updates(socket("ywtb-1001"), id, null))
                .then(() -> watched(id, 1))
                .then(() -> moveSandbox("PT2H", REVIEW_TICK))
                .assertNext(update -> assertUpdate(update, "TIMELINE_EVENT", "UNDER_REVIEW"))
                .assertNext(update -> assertUpdate(update, "STATUS_CHANGED", "UNDER_REVIEW"))
                .then(() -> moveSandbox("P5D", REVIEW_TICK))
                .assertNext(update -> assertUpdate(update, "TIMELINE_EVENT", "APPROVED"))
                .assertNext(update -> assertUpdate(update, "TIMELINE_EVENT", "COMPLETED"))
                .assertNext(update -> assertUpdate(update, "STATUS_CHANGED", "COMPLETED"))
                .as("a completed application has nothing more to tell: the stream completes")
                .expectComplete()
                .verify(HANG_GUARD);
    }

    @Test
    void shouldPollOneApplicationOncePerIntervalForFiftySubscribers() {
        String id = register("ywtb-1001", "live-fifty");
        List<Flux<Map<String, Object>>> screens = new ArrayList<>();
        for (int connection = 0; connection < 10; connection++) {
            WebSocketGraphQlTester socket = socket("ywtb-1001");
            for (int screen = 0; screen < 5; screen++) {
                screens.add(updates(socket, id, null).take(2).cache());
            }
        }
        screens.forEach(screen -> screen.subscribe(update -> { }, closedAtTheEnd -> { }));
        watched(id, 50);
        resetJournals();

        moveSandbox("PT2H", REVIEW_TICK);

        for (Flux<Map<String, Object>> screen : screens) {
            assertThat(screen.map(update -> update.get("kind")).collectList().block(HANG_GUARD))
                    .containsExactly("TIMELINE_EVENT", "STATUS_CHANGED");
        }
        assertThat(requestsTo(Upstream.POLICE, "GET", "/applications/" + id))
                .as("one poll of police for fifty subscribers").isEqualTo(1);
    }

    @Test
    void shouldRefuseThePersonsSubscriptionPastTheLimit() {
        String id = register("ywtb-1001", "live-limit");
        List<Flux<Map<String, Object>>> open = new ArrayList<>();
        for (int connection = 0; connection < 10; connection++) {
            WebSocketGraphQlTester socket = socket("ywtb-1001");
            for (int screen = 0; screen < 5; screen++) {
                Flux<Map<String, Object>> one = updates(socket, id, null);
                open.add(one);
                one.subscribe(update -> { }, closedAtTheEnd -> { });
            }
        }
        watched(id, 50);

        StepVerifier.create(updates(socket("ywtb-1001"), id, null))
                .expectErrorSatisfies(error -> assertCode(error, "RATE_LIMITED"))
                .verify(HANG_GUARD);
    }

    @Test
    void shouldResumeADroppedConnectionWithoutMissingAnything() {
        String id = register("ywtb-1001", "live-resume");
        WebSocketGraphQlTester first = socket("ywtb-1001");
        List<Map<String, Object>> before = new ArrayList<>();
        StepVerifier.create(updates(first, id, null))
                .then(() -> watched(id, 1))
                .then(() -> moveSandbox("PT2H", REVIEW_TICK))
                .recordWith(() -> before)
                .expectNextCount(2)
                .thenCancel()
                .verify(HANG_GUARD);
        first.stop().block(HANG_GUARD);
        watched(id, 0);
        String lastSeen = (String) before.get(1).get("id");

        advanceSandbox("P5D");

        List<Map<String, Object>> after = updates(socket("ywtb-1001"), id, lastSeen).collectList()
                .block(HANG_GUARD);
        assertThat(after).extracting(update -> update.get("kind") + " " + status(update))
                .containsExactly("TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
        assertThat(after).extracting(update -> Long.parseLong((String) update.get("id")))
                .allSatisfy(next -> assertThat(next).isGreaterThan(Long.parseLong(lastSeen)))
                .isSorted();
    }

    @Test
    void shouldAskForAResyncWhenTheResumedIdIsNoLongerKept() {
        String id = register("ywtb-1001", "live-resync");

        StepVerifier.create(updates(socket("ywtb-1001"), id, "42"))
                .assertNext(update -> assertThat(update.get("kind")).isEqualTo("RESYNC"))
                .thenCancel()
                .verify(HANG_GUARD);
    }

    @Test
    void shouldAnswerNotFoundForSomeoneElsesApplicationLikeAnUnknownOne() {
        for (String id : List.of("APL-1006-0001", "APL-0000-0000")) {
            StepVerifier.create(updates(socket("ywtb-1003"), id, null))
                    .expectErrorSatisfies(error -> assertCode(error, "NOT_FOUND"))
                    .verify(HANG_GUARD);
        }
    }

    @Test
    void shouldEndTheStreamWithUnauthenticatedWhenTheTokenExpires() {
        StepVerifier.create(updates(socket("ywtb-1005"), "APL-1005-0001", null))
                .then(() -> watched("APL-1005-0001", 1))
                .then(() -> liveTime.advance(Duration.ofMinutes(61)))
                .expectErrorSatisfies(error -> assertCode(error, "UNAUTHENTICATED"))
                .verify(HANG_GUARD);
    }

    @Test
    void shouldTellDegradedThenRecoveredWhenEmsFailsWithoutEndingTheStream() {
        var outage = outage(Upstream.POSTAL, aResponse().withStatus(503));

        StepVerifier.create(updates(socket("ywtb-1006"), "APL-1006-0001", null))
                .then(() -> watched("APL-1006-0001", 1))
                .assertNext(update -> assertThat(update).containsEntry("kind", "DEGRADED")
                        .containsEntry("upstream", "postal"))
                .then(() -> {
                    removeTestStub(Upstream.POSTAL, outage);
                    liveTime.advance(Duration.ofMinutes(3));
                })
                .assertNext(update -> assertThat(update).containsEntry("kind", "RECOVERED")
                        .containsEntry("upstream", "postal"))
                .as("the stream is still open")
                .expectNoEvent(Duration.ZERO)
                .thenCancel()
                .verify(HANG_GUARD);
    }

    @Test
    void shouldCloseASocketWhoseSignInTokenIsInvalid() {
        WebSocketGraphQlTester forged = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + tokenFor("ywtb-1005") + "x"));
                    }
                })
                .build();
        sockets.add(forged);

        StepVerifier.create(updates(forged, "APL-1005-0001", null))
                .expectError()
                .verify(HANG_GUARD);
        assertThat(watches.open()).isZero();
    }

    @Test
    void shouldAnswerUnauthenticatedToASocketThatDidNotSignIn() {
        WebSocketGraphQlTester anonymous = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient()).build();
        sockets.add(anonymous);

        StepVerifier.create(updates(anonymous, "APL-1005-0001", null))
                .expectErrorSatisfies(error -> assertCode(error, "UNAUTHENTICATED"))
                .verify(HANG_GUARD);
    }

    @Test
    void shouldRefuseOperationsPastTheRatePerConnectionUntilTheNextSecond() {
        WebSocketGraphQlTester socket = socket("ywtb-1005");

        List<Throwable> refused = Flux.range(0, 25)
                .flatMap(i -> updates(socket, "APL-1005-0001", null).then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just))
                .take(15)
                .collectList()
                .block(HANG_GUARD);

        assertThat(refused).as("within one second (live time stands still), operations 11 to 25 are refused "
                        + "with a typed error; the socket and its ten streams stay open")
                .hasSize(15)
                .allSatisfy(error -> assertThat(error).hasMessageContaining("code=RATE_LIMITED"));
        assertThat(watches.open()).isEqualTo(10);

        liveTime.advance(Duration.ofSeconds(1));

        StepVerifier.create(updates(socket, "APL-1005-0002", null))
                .as("the next second admits operations again: this one reaches the object check")
                .expectErrorSatisfies(error -> assertCode(error, "NOT_FOUND"))
                .verify(HANG_GUARD);
    }

    @Test
    void shouldTellAPersonTheReminderTheirApplicationsNextStepBrings() {
        String id = as("ywtb-1004").document("mutation($input: ResidencePermitInput!) { applyForResidencePermit("
                        + "input: $input) { application { id } userErrors { code } } }")
                .variable("input", Map.of("idempotencyKey", "live-reminder", "photoId", "PH-1004-01",
                        "delivery", Map.of("method", "POSTAL", "address", Map.of("district", "浦东新区",
                                "street", "张江镇", "detail", "碧波路690弄12号301室"), "recipientMobile", "13880452297")))
                .execute().path("applyForResidencePermit.application.id").entity(String.class).get();
        WebSocketGraphQlTester socket = socket("ywtb-1004");
        Flux<Map<String, Object>> updates = socket.document("""
                        subscription { myUpdates { id kind application { id status } reminder { kind dueOn } } }""")
                .executeSubscription().toFlux("myUpdates", Map.class).map(update -> (Map<String, Object>) update)
                .publishOn(Schedulers.boundedElastic());

        StepVerifier.create(updates.filter(update -> "REMINDER".equals(update.get("kind"))
                        || "STATUS_CHANGED".equals(update.get("kind"))))
                .then(() -> watches.watchedBy("person:ywtb-1004", 1).block(HANG_GUARD))
                .then(() -> moveSandbox("P5D", REVIEW_TICK))
                .assertNext(update -> assertThat(update.get("application")).asString().contains(id))
                .assertNext(update -> {
                    assertThat(update).containsEntry("kind", "REMINDER");
                    assertThat(((Map<?, ?>) update.get("reminder")).get("kind"))
                            .isIn("APPLICATION_APPROVED", "PERMIT_IN_PRODUCTION");
                })
                .thenCancel()
                .verify(HANG_GUARD);
    }

    // --- helpers ---

    WebSocketGraphQlTester socket(String persona) {
        String token = tokenFor(persona);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
        sockets.add(socket);
        return socket;
    }

    @SuppressWarnings("unchecked")
    static Flux<Map<String, Object>> updates(WebSocketGraphQlTester socket, String id, String after) {
        GraphQlTester.Request<?> request = socket.document(APPLICATION_UPDATES).variable("id", id);
        if (after != null) {
            request = request.variable("after", after);
        }
        // Off the socket's event loop: a test step after an event may block (sandbox calls, waits), and blocking
        // the loop would stall every connection on it, upstream calls included.
        return request.executeSubscription().toFlux("applicationUpdates", Map.class)
                .map(update -> (Map<String, Object>) update)
                .publishOn(Schedulers.boundedElastic());
    }

    /** Waits (reactively, bounded) until the application's poller has its first answer and this many subscribers. */
    void watched(String applicationId, int subscribers) {
        watches.watchedBy("application:" + applicationId, subscribers)
                .block(HANG_GUARD);
    }

    void moveSandbox(String advance, Duration tick) {
        advanceSandbox(advance);
        liveTime.advance(tick);
    }

    void advanceSandbox(String advance) {
        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", advance)).exchange().expectStatus().isOk();
    }

    String register(String persona, String key) {
        return as(persona).document("mutation($input: ResidenceRegistrationInput!) { submitResidenceRegistration("
                        + "input: $input) { application { id } userErrors { code } } }")
                .variable("input", Map.of("idempotencyKey", key, "address", Map.of("district", "闵行区",
                                "street", "莘庄镇", "detail", "莘松路380弄12号502室"),
                        "residenceType", "RENTED_HOUSING", "moveInDate", LocalDate.now(clock).minusDays(10).toString(),
                        "mobile", "13956021874"))
                .execute().path("submitResidenceRegistration.application.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    static String status(Map<String, Object> update) {
        Map<String, Object> step = (Map<String, Object>) update.get("timelineEvent");
        return step != null ? (String) step.get("status")
                : (String) ((Map<String, Object>) update.get("application")).get("status");
    }

    static void assertUpdate(Map<String, Object> update, String kind, String status) {
        assertThat(update.get("kind") + " " + status(update)).isEqualTo(kind + " " + status);
    }

    static void assertCode(Throwable error, String code) {
        assertThat(error).isInstanceOf(SubscriptionErrorException.class);
        assertThat(((SubscriptionErrorException) error).getErrors())
                .anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", code));
    }
}
