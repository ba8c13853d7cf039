package cn.shanghai.residence.gateway.live;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler every live wait runs on (poll intervals, back-off, idle timeouts, token expiry), a bean of its own
 * so tests replace it with a {@code VirtualTimeScheduler} and move time instead of waiting for it.
 */
public record LiveTime(Scheduler scheduler) {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        LiveTime liveTime() {
            return new LiveTime(Schedulers.parallel());
        }
    }
}
