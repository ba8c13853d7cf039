package cn.shanghai.residence.gateway.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import cn.shanghai.residence.gateway.support.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Bucket4j budgets on a real Redis: one budget for two replicas, and each replica's own while Redis is away. */
class RedisRequestBudgetsTests {

    private static final String PREFIX = TestRedis.uniquePrefix("budgets");
    private static final RateLimitProperties FIVE_A_MINUTE = new RateLimitProperties(5, 5);

    private static LettuceConnectionFactory shared;

    @BeforeAll
    static void connect() {
        shared = TestRedis.connections(TestRedis.port());
    }

    @AfterAll
    static void disconnect() {
        shared.destroy();
    }

    @Test
    void shouldShareOneBudgetBetweenTwoReplicas() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RedisRequestBudgets replicaA = budgets(shared, meters);
        RedisRequestBudgets replicaB = budgets(shared, meters);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add((i % 2 == 0 ? replicaA : replicaB).take("person:ywtb-1001").block());
        }

        assertThat(waits.subList(0, 5)).containsOnly(0L);
        assertThat(waits.subList(5, 8)).allSatisfy(wait -> assertThat(wait).isBetween(1L, 60_000L));
        assertThat(meters.counter("gateway.rate-limit.fallbacks").count()).isZero();
    }

    @Test
    void shouldFallBackToTheReplicasOwnBudgetWithoutRedis() {
        LettuceConnectionFactory nowhere = TestRedis.connections(TestRedis.freePort());
        try {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RedisRequestBudgets alone = budgets(nowhere, meters);
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                waits.add(alone.take("person:ywtb-1002").block(Duration.ofSeconds(5)));
            }

            assertThat(waits.subList(0, 5)).containsOnly(0L);
            assertThat(waits.get(5)).isPositive();
            assertThat(meters.counter("gateway.rate-limit.fallbacks").count()).isEqualTo(6);
        } finally {
            nowhere.destroy();
        }
    }

    private static RedisRequestBudgets budgets(LettuceConnectionFactory connections, SimpleMeterRegistry meters) {
        return new RedisRequestBudgets(connections, new StoreKeys(PREFIX), FIVE_A_MINUTE,
                new LocalRequestBudgets(FIVE_A_MINUTE, Clock.systemUTC()), Clock.systemUTC(), meters);
    }
}
