package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 over a raw SSE client ({@code POST /graphql}, {@code Accept: text/event-stream}, the usual Authorization
 * header): each event carries its id as the SSE {@code id:}, which resumes a stream as {@code Last-Event-ID}.
 */
class LiveSseTests extends GatewayIntegrationTests {

    private static final String MY_UPDATES = """
            subscription { myUpdates { id kind application { id status } timelineEvent { status } } }""";

    @Autowired
    Watches watches;

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierWatches() {
        watches.quiet().block(LiveProgressTests.HANG_GUARD);
        watches.forgetUnwatched();
    }

    @Test
    void shouldStreamAPersonsUpdatesWithTheirIdsAsSseIds() {
        String id = register("sse-steps");

        StepVerifier.create(sse("ywtb-1001", MY_UPDATES, null).filter(event -> "next".equals(event.event())))
                .then(() -> watched(1))
                .then(() -> move("PT2H"))
                .assertNext(event -> assertUpdate(event, "TIMELINE_EVENT", id))
                .assertNext(event -> assertUpdate(event, "STATUS_CHANGED", id))
                .thenCancel()
                .verify(LiveProgressTests.HANG_GUARD);
    }

    @Test
    void shouldReplayWhatADroppedStreamMissedFromTheLastEventIdHeader() {
        String id = register("sse-resume");
        Flux<ServerSentEvent<Map<String, Object>>> keeper = sse("ywtb-1001", MY_UPDATES, null)
                .filter(event -> "next".equals(event.event())).take(5).cache();
        keeper.subscribe();
        List<ServerSentEvent<Map<String, Object>>> before = new java.util.ArrayList<>();
        StepVerifier.create(sse("ywtb-1001", MY_UPDATES, null).filter(event -> "next".equals(event.event())))
                .then(() -> watched(2))
                .then(() -> move("PT2H"))
                .recordWith(() -> before)
                .expectNextCount(2)
                .thenCancel()
                .verify(LiveProgressTests.HANG_GUARD);
        watched(1);
        String lastSeen = before.get(1).id();

        move("P5D");
        List<ServerSentEvent<Map<String, Object>>> keptWatching = keeper.collectList().block(LiveProgressTests.HANG_GUARD);

        List<ServerSentEvent<Map<String, Object>>> after = sse("ywtb-1001", MY_UPDATES, lastSeen)
                .filter(event -> "next".equals(event.event()))
                .take(3)
                .collectList()
                .block(LiveProgressTests.HANG_GUARD);
        assertThat(after).extracting(LiveSseTests::kindAndStatus)
                .containsExactly("TIMELINE_EVENT APPROVED", "TIMELINE_EVENT COMPLETED", "STATUS_CHANGED COMPLETED");
        assertThat(after).extracting(ServerSentEvent::id)
                .as("the very events the screen that stayed received")
                .containsExactlyElementsOf(keptWatching.subList(2, 5).stream().map(ServerSentEvent::id).toList());
        assertThat(id).startsWith("APL-");
    }

    @SuppressWarnings("unchecked")
    static String kindAndStatus(ServerSentEvent<Map<String, Object>> event) {
        Map<String, Object> update = (Map<String, Object>) ((Map<String, Object>) event.data().get("data"))
                .get("myUpdates");
        Map<String, Object> step = (Map<String, Object>) update.get("timelineEvent");
        return update.get("kind") + " " + (step != null ? step.get("status")
                : ((Map<String, Object>) update.get("application")).get("status"));
    }

    @Test
    void shouldAnswerNotFoundForSomeoneElsesApplicationOverSse() {
        StepVerifier.create(sse("ywtb-1003", "subscription { applicationUpdates(id: \"APL-1006-0001\") { id } }",
                        null).filter(event -> "next".equals(event.event())))
                .assertNext(event -> assertThat(event.data().toString()).contains("NOT_FOUND"))
                .thenCancel()
                .verify(LiveProgressTests.HANG_GUARD);
    }

    Flux<ServerSentEvent<Map<String, Object>>> sse(String persona, String document, String lastEventId) {
        return WebClient.create("http://localhost:" + port).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    headers.setBearerAuth(tokenFor(persona));
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .bodyValue(Map.of("query", document))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .publishOn(Schedulers.boundedElastic()); // test steps may block: never on the connection's loop
    }

    void watched(int subscribers) {
        watches.watchedBy("person:ywtb-1001", subscribers)
                .block(LiveProgressTests.HANG_GUARD);
    }

    void move(String advance) {
        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", advance)).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    static void assertUpdate(ServerSentEvent<Map<String, Object>> event, String kind, String applicationId) {
        Map<String, Object> update = (Map<String, Object>) ((Map<String, Object>) event.data().get("data"))
                .get("myUpdates");
        assertThat(update).containsEntry("kind", kind);
        assertThat(((Map<String, Object>) update.get("application")).get("id")).isEqualTo(applicationId);
        assertThat(event.id()).as("the SSE id is the event's id").isEqualTo(update.get("id"));
    }

    String register(String key) {
        return RentedHomeRegistration.file(as("ywtb-1001"), LocalDate.now(clock), key);
    }
}
