package cn.shanghai.residence.gateway.submission;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The idempotency store: in memory unless the application defines a shared one. */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    @Bean
    @ConditionalOnMissingBean(IdempotencyStore.class)
    IdempotencyStore idempotencyStore(IdempotencyProperties properties) {
        return new InMemoryIdempotencyStore(properties.ttl(), properties.maximumKeys());
    }
}
