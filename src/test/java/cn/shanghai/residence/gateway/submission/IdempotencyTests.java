package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Nothing lost, nothing doubled: idempotency keys, unknown outcomes, and what the next query shows. */
class IdempotencyTests extends MutationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldReplayTheFirstOutcomeWithoutASecondPost() {
        String key = key();
        String first = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key))
                .path("reportPermitLoss.application.id").entity(String.class).get();
        String again = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key))
                .path("reportPermitLoss.application.id").entity(String.class).get();

        assertThat(again).isEqualTo(first);
        assertThat(policePosts()).isEqualTo(1);
    }

    @Test
    void shouldPostOnceForConcurrentDuplicates() {
        String key = key();
        stub(Upstream.POLICE).setGlobalFixedDelay(300);
        List<CompletableFuture<String>> racing = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> mutate("ywtb-1010", "reportPermitLoss",
                        Map.of("idempotencyKey", key)).path("reportPermitLoss.application.id").entity(String.class)
                        .get()))
                .toList();

        List<String> ids = racing.stream().map(CompletableFuture::join).toList();

        assertThat(ids).hasSize(5).containsOnly(ids.get(0));
        assertThat(policePosts()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAKeyReusedForOtherInput() {
        String key = key();
        mutate("ywtb-1010", "choosePermitPhoto", Map.of("idempotencyKey", key, "photoId", "PH-1010-01"))
                .path("choosePermitPhoto.application").hasValue();

        GraphQlTester.Response reused = mutate("ywtb-1010", "choosePermitPhoto",
                Map.of("idempotencyKey", key, "photoId", "PH-1010-02"));

        reused.path("choosePermitPhoto.application").valueIsNull();
        assertThat(codes(reused, "choosePermitPhoto")).containsExactly("IDEMPOTENCY_KEY_REUSED");
        assertThat(policePosts()).isEqualTo(1);
    }

    @Test
    void shouldScopeAKeyToItsPerson() {
        String key = key();
        mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key))
                .path("reportPermitLoss.application").hasValue();
        mutate("ywtb-1014", "reportPermitLoss", Map.of("idempotencyKey", key))
                .path("reportPermitLoss.application").hasValue();

        assertThat(policePosts()).isEqualTo(2);
        assertThat(policePostRequests()).extracting(request -> request.getHeader("Idempotency-Key"))
                .doesNotHaveDuplicates();
        assertThat(policePostRequests()).extracting(request -> request.getHeader("Idempotency-Key"))
                .noneMatch(upstreamKey -> upstreamKey.equals(key));
    }

    @Test
    void shouldNotRememberInvalidInput() {
        String key = key();
        Map<String, Object> delivery = Map.of("method", "POSTAL", "address", PUDONG, "recipientMobile", "1380000");
        GraphQlTester.Response invalid = mutate("ywtb-1004", "applyForResidencePermit",
                Map.of("idempotencyKey", key, "photoId", "PH-1004-01", "delivery", delivery));
        assertThat(codes(invalid, "applyForResidencePermit")).containsExactly("INVALID_INPUT");

        GraphQlTester.Response corrected = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key, "photoId", "PH-1004-01",
                "delivery", Map.of("method", "POSTAL", "address", PUDONG, "recipientMobile", "13880452297")));

        corrected.path("applyForResidencePermit.application.status").entity(String.class).isEqualTo("SUBMITTED");
        assertThat(policePosts()).isEqualTo(1);
    }

    @Test
    void shouldSayTheOutcomeIsUnknownWhenPoliceDoNotAnswerAndNeverRetryBlindly() {
        String key = key();
        StubMapping slow = stubForThisTest(Upstream.POLICE, post(urlPathEqualTo("/police/v1/applications"))
                .atPriority(1).willReturn(aResponse().withStatus(201).withFixedDelay(4_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"applicationId\":\"APL-late\",\"status\":\"SUBMITTED\","
                                + "\"submittedAt\":\"2026-11-29T10:00:00Z\"}")));
        GraphQlTester.Response unknown = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key));
        removeTestStub(Upstream.POLICE, slow);
        unknown.path("reportPermitLoss.outcomeUnknown").entity(Boolean.class).isEqualTo(true);
        unknown.path("reportPermitLoss.application").valueIsNull();
        assertThat(codes(unknown, "reportPermitLoss")).containsExactly("OUTCOME_UNKNOWN");
        unknown.path("reportPermitLoss.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("使用同一幂等键重试是安全的"));
        assertThat(policePosts()).as("no blind retry of a POST").isEqualTo(1);

        mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key))
                .path("reportPermitLoss.application.status").entity(String.class).isEqualTo("SUBMITTED");
        assertThat(policePosts()).isEqualTo(2);
        assertThat(policePostRequests()).extracting(request -> request.getHeader("Idempotency-Key"))
                .as("the retry carries the same key, so police can replay").containsOnly(
                        policePostRequests().get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void shouldShowTheNewApplicationInTheNextQuery() {
        as("ywtb-1010").documentName("progress").variable("scope", "ALL").execute().errors().verify()
                .path("me.applications").entityList(Object.class).hasSize(0);

        String id = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key()))
                .path("reportPermitLoss.application.id").entity(String.class).get();
        // The police stub remembers what it accepted (the sandbox world, issue 12): no stand-in stub needed.
        as("ywtb-1010").documentName("progress").variable("scope", "ALL").execute().errors().verify()
                .path("me.applications[*].id").entityList(String.class).containsExactly(id);
    }

    @Test
    void shouldAcceptMutationsOverPostOnly() {
        webTestClient.get().uri("/graphql?query={q}", "mutation { startRentalContractFiling { url } }")
                .exchange()
                .expectStatus().isEqualTo(405);
        assertThat(requestsTo(Upstream.HOUSING, "POST", "/.*")).isZero();
    }
}
