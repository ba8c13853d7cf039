package cn.shanghai.residence.gateway.support;

import java.time.Duration;

import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.shanghai.residence.gateway.live.LiveTime;

/**
 * Live progress's waits (poll intervals, back-off, idle timeouts, token expiry) on virtual time: a test moves it with
 * {@link #advance} and a poll that was due runs at once, so no test sleeps or waits for an interval.
 */
public final class TestLiveTime {

    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

    public LiveTime liveTime() {
        return new LiveTime(scheduler);
    }

    /** Runs every wait that falls due within {@code by}, in order, on the calling thread. */
    public void advance(Duration by) {
        scheduler.advanceTimeBy(by);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        TestLiveTime testLiveTime() {
            return new TestLiveTime();
        }

        @Bean
        @Primary
        LiveTime virtualLiveTime(TestLiveTime time) {
            return time.liveTime();
        }
    }
}
