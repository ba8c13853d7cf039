package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;

/**
 * Notices when the gateway itself stops running for a while (a long GC pause, CPU starvation): a daemon thread
 * asks to sleep 10 ms and measures how late it wakes. A call that timed out while the gateway stalled says nothing
 * about the agency, so the breaker does not count it (a soak once opened breakers against healthy agencies this
 * way). Counted as {@code gateway.stalls}.
 */
final class StallDetector implements UpstreamGuard.Stalls, DisposableBean {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final long thresholdNanos;
    /** When the last stall ended; before any, the detector's start, so no call is older than "no stall yet". */
    private final AtomicLong lastStallEnded = new AtomicLong(System.nanoTime());
    private final Counter stalls;
    private final Thread watcher;
    private volatile boolean running = true;

    StallDetector(Duration threshold, MeterRegistry meters) {
        this.thresholdNanos = threshold.toNanos();
        this.stalls = Counter.builder("gateway.stalls")
                .description("Times the gateway itself stood still longer than the stall threshold (GC, CPU)")
                .register(meters);
        this.watcher = new Thread(this::watch, "stall-detector");
        this.watcher.setDaemon(true);
        this.watcher.start();
    }

    private void watch() {
        while (running) {
            long before = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            if (now - before - TICK_NANOS >= thresholdNanos) {
                lastStallEnded.set(now);
                stalls.increment();
            }
        }
    }

    @Override
    public boolean since(long startedNanos) {
        return lastStallEnded.get() - startedNanos > 0;
    }

    @Override
    public void destroy() {
        running = false;
        watcher.interrupt();
    }
}
