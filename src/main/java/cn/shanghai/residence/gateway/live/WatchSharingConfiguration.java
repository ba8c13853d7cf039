package cn.shanghai.residence.gateway.live;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import cn.shanghai.residence.gateway.store.Leases;
import cn.shanghai.residence.gateway.store.StoreKeys;

/** Chooses how watches are shared, by {@code gateway.store} like the other shared things: alone, or through Redis. */
@Configuration(proxyBeanMethods = false)
class WatchSharingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.store", havingValue = "memory", matchIfMissing = true)
    WatchSharing localWatchSharing() {
        return new LocalWatchSharing();
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.store", havingValue = "redis")
    WatchSharing redisWatchSharing(ReactiveStringRedisTemplate redis, StoreKeys keys, Leases leases,
            LiveProperties settings, MeterRegistry meters) {
        return new RedisWatchSharing(redis, keys, leases, settings, meters);
    }
}
