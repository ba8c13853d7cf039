package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.GraphQlSocket;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 over real WebSocket connections (graphql-transport-ws, spoken by {@link GraphQlSocket}): applications moved by the sandbox clock, one
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

    private final List<GraphQlSocket> sockets = new ArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierWatches() {
        watches.quiet().block(HANG_GUARD);
        watches.forgetUnwatched();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(GraphQlSocket::close);
        sockets.clear();
    }

    @Test
    void shouldTellEveryStepOfARegistrationInOrderAsTheSandboxClockMovesIt() {
        String id = register("ywtb-1001", "live-steps");

        StepVerifier.create(updates(socket("ywtb-1001"), id, null))
                .then(() -> watched(id, 1))
                .then(() -> advanceSandbox("PT2H"))
                .assertNext(update -> assertUpdate(update, "TIMELINE_EVENT", "UNDER_REVIEW"))
                .assertNext(update -> assertUpdate(update, "STATUS_CHANGED", "UNDER_REVIEW"))
                .then(() -> advanceSandbox("P5D"))
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
            GraphQlSocket socket = socket("ywtb-1001");
            for (int screen = 0; screen < 5; screen++) {
                screens.add(updates(socket, id, null).cache()); // watching until the socket closes
            }
        }
        screens.forEach(screen -> screen.subscribe(update -> { }, closedAtTheEnd -> { }));
        watched(id, 50);
        resetJournals();

        advanceSandbox("PT2H");

        for (Flux<Map<String, Object>> screen : screens) {
            assertThat(screen.take(2).map(update -> update.get("kind")).collectList().block(HANG_GUARD))
                    .containsExactly("TIMELINE_EVENT", "STATUS_CHANGED");
        }
        assertThat(requestsTo(Upstream.POLICE, "GET", "/applications/" + id))
                .as("one poll of police for fifty subscribers").isEqualTo(1);

        clock.advance(Duration.ofSeconds(16)); // past police-application's 15 s cache, as ten minutes would be
        liveTime.advance(REVIEW_TICK);

        StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                        .map(tick -> requestsTo(Upstream.POLICE, "GET", "/applications/" + id))
                        .takeUntil(polls -> polls > 1).last())
                .as("one more poll when one more interval has passed")
                .expectNext(2)
                .expectComplete()
                .verify(HANG_GUARD);
    }

    @Test
    void shouldRefuseThePersonsSubscriptionPastTheLimit() {
        String id = register("ywtb-1001", "live-limit");
        List<Flux<Map<String, Object>>> open = new ArrayList<>();
        for (int connection = 0; connection < 10; connection++) {
            GraphQlSocket socket = socket("ywtb-1001");
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
        GraphQlSocket first = socket("ywtb-1001");
        List<Map<String, Object>> before = new ArrayList<>();
        StepVerifier.create(updates(first, id, null))
                .then(() -> watched(id, 1))
                .then(() -> advanceSandbox("PT2H"))
                .recordWith(() -> before)
                .expectNextCount(2)
                .thenCancel()
                .verify(HANG_GUARD);
        first.close();
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
        String forged = tokenFor("ywtb-1005") + "x";

        assertThatThrownBy(() -> GraphQlSocket.open(port, forged, HANG_GUARD))
                .isInstanceOfSatisfying(GraphQlSocket.Closed.class, closed -> assertThat(closed.status().getCode())
                        .as("Unauthorized, before any subscription").isEqualTo(4401));
        assertThat(watches.open()).isZero();
    }

    @Test
    void shouldAnswerUnauthenticatedToASocketThatDidNotSignIn() {
        GraphQlSocket anonymous = GraphQlSocket.open(port, null, HANG_GUARD);
        sockets.add(anonymous);

        StepVerifier.create(updates(anonymous, "APL-1005-0001", null))
                .expectErrorSatisfies(error -> assertCode(error, "UNAUTHENTICATED"))
                .verify(HANG_GUARD);
    }

    @Test
    void shouldRefuseOperationsPastTheRatePerConnectionUntilTheNextSecond() {
        GraphQlSocket socket = socket("ywtb-1005");

        List<Throwable> refused = Flux.range(0, 25)
                .flatMap(i -> updates(socket, "APL-1005-0001", null).then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just))
                .take(15)
                .collectList()
                .block(HANG_GUARD);

        assertThat(refused).as("within one second (live time stands still), operations 11 to 25 are refused "
                        + "with a typed error, not by closing the socket")
                .hasSize(15)
                .allSatisfy(error -> assertCode(error, "RATE_LIMITED"));

        liveTime.advance(Duration.ofSeconds(1));

        StepVerifier.create(updates(socket, "APL-1005-0002", null))
                .as("the same socket, the next second: admitted again, this one reaches the object check")
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
        Flux<Map<String, Object>> updates = socket("ywtb-1004").subscribe("""
                        subscription { myUpdates { id kind application { id status } reminder { kind dueOn } } }""",
                Map.of()).map(payload -> field(payload, "myUpdates"));

        StepVerifier.create(updates.filter(update -> "REMINDER".equals(update.get("kind"))
                        || "STATUS_CHANGED".equals(update.get("kind"))))
                .then(() -> watches.watchedBy("person:ywtb-1004", 1).block(HANG_GUARD))
                .then(() -> advanceSandbox("P5D"))
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

    GraphQlSocket socket(String persona) {
        GraphQlSocket socket = GraphQlSocket.open(port, tokenFor(persona), HANG_GUARD);
        sockets.add(socket);
        return socket;
    }

    static Flux<Map<String, Object>> updates(GraphQlSocket socket, String id, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        if (after != null) {
            variables.put("after", after);
        }
        return socket.subscribe(APPLICATION_UPDATES, variables).map(payload -> field(payload, "applicationUpdates"));
    }

    /** The subscription's field of one result; a result with errors (a refusal) ends the stream with them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> field(Map<String, Object> payload, String name) {
        if (payload.get("errors") != null) {
            throw new GraphQlSocket.OperationError((List<Map<String, Object>>) payload.get("errors"));
        }
        return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get(name);
    }

    /** Waits (reactively, bounded) until the application's poller has its first answer and this many subscribers. */
    void watched(String applicationId, int subscribers) {
        watches.watchedBy("application:" + applicationId, subscribers)
                .block(HANG_GUARD);
    }

    /** Moves the sandbox clock; the gateway's pollers look again at once (no interval has to pass). */
    void advanceSandbox(String advance) {
        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", advance)).exchange().expectStatus().isOk();
    }

    String register(String persona, String key) {
        return RentedHomeRegistration.file(as(persona), LocalDate.now(clock), key);
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

    @SuppressWarnings("unchecked")
    static void assertCode(Throwable error, String code) {
        assertThat(error).isInstanceOf(GraphQlSocket.OperationError.class);
        assertThat(((GraphQlSocket.OperationError) error).errors())
                .anySatisfy(e -> {
                    assertThat((Map<String, Object>) e.get("extensions")).containsEntry("code", code);
                    // Rendered from the bundles (Chinese without Accept-Language), not left as a message key.
                    assertThat((String) e.get("message")).containsPattern("\\p{IsHan}").doesNotContain(" / ");
                });
    }
}
