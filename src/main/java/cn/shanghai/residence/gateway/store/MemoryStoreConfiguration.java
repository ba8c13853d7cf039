package cn.shanghai.residence.gateway.store;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code gateway.store=memory} (the default): each store in this gateway's memory, nothing to install. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.store", havingValue = "memory", matchIfMissing = true)
class MemoryStoreConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(IdempotencyProperties properties) {
        return new InMemoryIdempotencyStore(properties.ttl(), properties.maximumKeys());
    }

    @Bean
    RequestBudgets requestBudgets(RateLimitProperties properties, Clock clock) {
        return new LocalRequestBudgets(properties, clock);
    }

    @Bean
    Leases leases() {
        return new LocalLeases();
    }

    @Bean
    PersonChanges personChanges() {
        return new LocalPersonChanges();
    }
}
