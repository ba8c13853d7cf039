package cn.shanghai.residence.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.shanghai.residence.gateway.GatewayApplication;

/**
 * The integration tests' clock: system time in Shanghai plus an offset a test may {@link #advance}, so a test sees
 * a cache entry expire without sleeping. It keeps ticking (request deadlines, retry budgets and rate limits measure
 * real elapsed time with it); the base class puts it back on system time before each test.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public TestClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /**
     * Moves the clock forward. Keep advances to seconds: sandbox tokens are issued with this clock but verified by
     * Spring Security against system time (60 s skew), so a token issued minutes "ahead" would not be valid yet.
     */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, offset);
    }

    /**
     * Registers the test clock as the primary {@link Clock}, beside (not overriding) the application's own bean,
     * so every component that takes a Clock gets this one.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(GatewayApplication.SHANGHAI);
        }
    }
}
