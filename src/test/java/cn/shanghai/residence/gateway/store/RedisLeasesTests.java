package cn.shanghai.residence.gateway.store;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import cn.shanghai.residence.gateway.support.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis leases against a real Redis: two lease holders stand for two replicas. The gateway-level proof (one poll per
 * interval for the cluster, takeover) is in {@code LiveReplicasTests}; these pin the compare-and-set semantics.
 */
class RedisLeasesTests {

    private static final Duration LONG = Duration.ofMinutes(5);

    private static LettuceConnectionFactory connections;
    private static RedisLeases replicaA;
    private static RedisLeases replicaB;

    @BeforeAll
    static void connect() {
        connections = TestRedis.connections(TestRedis.port());
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
        StoreKeys keys = new StoreKeys(TestRedis.uniquePrefix("leases"));
        replicaA = new RedisLeases(redis, keys);
        replicaB = new RedisLeases(redis, keys);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void shouldGrantALeaseToOneReplicaAndRenewItForThatOneOnly() {
        assertThat(replicaA.hold("live:application:APL-1", LONG).block()).as("free: taken").isTrue();
        assertThat(replicaB.hold("live:application:APL-1", LONG).block()).as("held by A").isFalse();
        assertThat(replicaA.hold("live:application:APL-1", LONG).block()).as("renewed by its holder").isTrue();
        assertThat(replicaB.hold("live:application:APL-2", LONG).block()).as("another thing, another lease")
                .isTrue();
    }

    @Test
    void shouldLetAnotherReplicaTakeALeaseOnceItsHolderGaveItUp() {
        replicaA.hold("live:person:ywtb-1001", LONG).block();
        replicaB.release("live:person:ywtb-1001").block();
        assertThat(replicaB.hold("live:person:ywtb-1001", LONG).block()).as("only its holder can give it up")
                .isFalse();

        replicaA.release("live:person:ywtb-1001").block();

        assertThat(replicaB.hold("live:person:ywtb-1001", LONG).block()).isTrue();
        assertThat(replicaA.hold("live:person:ywtb-1001", LONG).block()).isFalse();
    }

    @Test
    void shouldLetAnotherReplicaTakeALeaseItsHolderStoppedRenewing() {
        assertThat(replicaA.hold("live:application:APL-3", Duration.ofMillis(50)).block()).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> replicaB.hold("live:application:APL-3", LONG).block());
        assertThat(replicaA.hold("live:application:APL-3", LONG).block()).as("the old holder lost it").isFalse();
    }
}
