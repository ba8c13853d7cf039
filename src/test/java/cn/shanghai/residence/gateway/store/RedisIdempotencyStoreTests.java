package cn.shanghai.residence.gateway.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import cn.shanghai.residence.gateway.support.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Redis idempotency store against a real Redis: two stores stand for two replicas sharing it. The gateway-level
 * proof (police's journal) is in {@code ReplicasTests}; these pin the store's own semantics fast and without HTTP.
 */
class RedisIdempotencyStoreTests {

    record Receipt(String applicationId) {
    }

    private static final String PERSON = "ywtb-1004";
    private static final String PREFIX = TestRedis.uniquePrefix("idempotency");

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;
    private static RedisIdempotencyStore replicaA;
    private static RedisIdempotencyStore replicaB;

    @BeforeAll
    static void connect() {
        connections = TestRedis.connections(TestRedis.port());
        redis = new ReactiveStringRedisTemplate(connections);
        replicaA = store(redis);
        replicaB = store(redis);
    }

    @AfterAll
    static void cleanUp() {
        replicaA.forgetAll().block();
        connections.destroy();
    }

    @Test
    void shouldSubmitOnceWhenTwentyDuplicatesRaceOverTwoReplicas() {
        AtomicInteger submissions = new AtomicInteger();
        List<Receipt> answers = Flux.range(0, 20)
                .flatMap(i -> (i % 2 == 0 ? replicaA : replicaB).once(PERSON, "race-0001", "fp", Receipt.class,
                        () -> Mono.delay(Duration.ofMillis(200))
                                .map(tick -> new Receipt("APL-" + submissions.incrementAndGet())),
                        receipt -> true).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(submissions).hasValue(1);
        assertThat(answers).hasSize(20).containsOnly(new Receipt("APL-1"));
    }

    @Test
    void shouldReplayTheOutcomeAndRefuseTheKeyForOtherInput() {
        AtomicInteger submissions = new AtomicInteger();
        Receipt first = replicaA.once(PERSON, "replay-0001", "fp", Receipt.class,
                () -> Mono.fromSupplier(() -> new Receipt("APL-" + submissions.incrementAndGet())), r -> true).block();
        Receipt again = replicaB.once(PERSON, "replay-0001", "fp", Receipt.class,
                () -> Mono.fromSupplier(() -> new Receipt("APL-" + submissions.incrementAndGet())), r -> true).block();

        assertThat(again).isEqualTo(first).isEqualTo(new Receipt("APL-1"));
        assertThat(submissions).hasValue(1);
        assertThatThrownBy(() -> replicaB.once(PERSON, "replay-0001", "other", Receipt.class,
                () -> Mono.fromSupplier(() -> new Receipt("APL-" + submissions.incrementAndGet())), r -> true).block())
                .isInstanceOf(IdempotencyStore.KeyReused.class);
        assertThat(submissions).hasValue(1);
    }

    @Test
    void shouldForgetAnOutcomeNotToRememberAndAFailure() {
        AtomicInteger submissions = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            replicaA.once(PERSON, "unknown-0001", "fp", Receipt.class,
                    () -> Mono.fromSupplier(() -> new Receipt("UNKNOWN-" + submissions.incrementAndGet())),
                    receipt -> false).block();
        }
        assertThat(submissions).as("an unknown outcome is asked again").hasValue(2);

        assertThatThrownBy(() -> replicaA.once(PERSON, "failed-0001", "fp", Receipt.class,
                () -> Mono.<Receipt>error(new IllegalStateException("police down")), r -> true).block())
                .hasMessage("police down");
        Receipt retried = replicaB.once(PERSON, "failed-0001", "fp", Receipt.class,
                () -> Mono.just(new Receipt("APL-9")), r -> true).block();
        assertThat(retried).isEqualTo(new Receipt("APL-9"));
    }

    @Test
    void shouldKeepNoPersonIdOrClientKeyInRedisKeys() {
        replicaA.once(PERSON, "visible-0001", "fp", Receipt.class, () -> Mono.just(new Receipt("APL-1")), r -> true)
                .block();

        List<String> keys = redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").build()).collectList().block();
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith(PREFIX + "idempotency:")
                .doesNotContain(PERSON).doesNotContain("visible-0001").matches(".*:[0-9a-f]{64}"));
    }

    @Test
    void shouldRefuseWithoutSubmittingWhenRedisDoesNotAnswer() {
        LettuceConnectionFactory nowhere = TestRedis.connections(TestRedis.freePort());
        try {
            RedisIdempotencyStore store = store(new ReactiveStringRedisTemplate(nowhere));
            AtomicInteger submissions = new AtomicInteger();

            assertThatThrownBy(() -> store.once(PERSON, "down-0001", "fp", Receipt.class,
                    () -> Mono.fromSupplier(() -> new Receipt("APL-" + submissions.incrementAndGet())), r -> true)
                    .block(Duration.ofSeconds(5)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(submissions).hasValue(0);
        } finally {
            nowhere.destroy();
        }
    }

    private static RedisIdempotencyStore store(ReactiveStringRedisTemplate template) {
        return new RedisIdempotencyStore(template, new StoreKeys(PREFIX), new IdempotencyProperties(null, null),
                new RedisStoreProperties(PREFIX, Duration.ofSeconds(10), Duration.ofMillis(20)), Clock.systemUTC());
    }
}
