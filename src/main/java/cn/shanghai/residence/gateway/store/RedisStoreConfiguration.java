package cn.shanghai.residence.gateway.store;

import java.time.Clock;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@code gateway.store=redis}: idempotency, rate limits, cache invalidation and leases shared by every replica through
 * one Redis, over Spring Boot's one Lettuce connection ({@code spring.data.redis.*}) and its
 * {@link ReactiveStringRedisTemplate}, which other packages reuse (live progress's streams).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.store", havingValue = "redis")
class RedisStoreConfiguration {

    /**
     * While the connection is down a command fails at once instead of queueing until it times out: a mutation then
     * answers STORE_UNAVAILABLE and a rate limit falls back to this replica's budget without a wait.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    StoreKeys storeKeys(RedisStoreProperties properties) {
        return new StoreKeys(properties.keyPrefix());
    }

    @Bean
    IdempotencyStore idempotencyStore(ReactiveStringRedisTemplate redis, StoreKeys keys,
            IdempotencyProperties idempotency, RedisStoreProperties properties, Clock clock) {
        return new RedisIdempotencyStore(redis, keys, idempotency, properties, clock);
    }

    @Bean
    RequestBudgets requestBudgets(LettuceConnectionFactory connections, StoreKeys keys,
            RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        return new RedisRequestBudgets(connections, keys, properties, new LocalRequestBudgets(properties, clock),
                clock, meters);
    }

    @Bean
    PersonChanges personChanges(ReactiveStringRedisTemplate redis, StoreKeys keys) {
        return new RedisPersonChanges(redis, keys);
    }

    @Bean
    Leases leases(ReactiveStringRedisTemplate redis, StoreKeys keys) {
        return new RedisLeases(redis, keys);
    }

    /** {@code redis} in {@code /actuator/health}: DOWN while Redis does not answer a PING (not in readiness). */
    @Bean
    DataRedisReactiveHealthIndicator redisHealthIndicator(ReactiveRedisConnectionFactory connections) {
        return new DataRedisReactiveHealthIndicator(connections);
    }
}
