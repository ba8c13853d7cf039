package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Caps retries at a fraction of calls over a sliding window (as Finagle's and gRPC's retry budgets do), so a
 * failing upstream sees at most about (1 + ratio) × the client's calls instead of maxAttempts × them.
 */
final class RetryBudget {

    private static final int BUCKETS = 10;

    private final double ratio;
    private final int minimum;
    private final long bucketMillis;
    private final Clock clock;
    private final long[] calls = new long[BUCKETS];
    private final long[] retries = new long[BUCKETS];
    private long currentBucket;

    RetryBudget(double ratio, int minimum, Duration window, Clock clock) {
        this.ratio = ratio;
        this.minimum = minimum;
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
        this.clock = clock;
    }

    /** Counts one call by a client (not a retry). */
    synchronized void recordCall() {
        calls[advance()]++;
    }

    /** Takes one retry from the budget, if there is one left. */
    synchronized boolean tryRetry() {
        int bucket = advance();
        long callsInWindow = 0;
        long retriesInWindow = 0;
        for (int i = 0; i < BUCKETS; i++) {
            callsInWindow += calls[i];
            retriesInWindow += retries[i];
        }
        if (retriesInWindow >= Math.max(minimum, (long) Math.floor(ratio * callsInWindow))) {
            return false;
        }
        retries[bucket]++;
        return true;
    }

    /** Forgets all counts. */
    synchronized void reset() {
        Arrays.fill(calls, 0);
        Arrays.fill(retries, 0);
    }

    private int advance() {
        long now = clock.millis() / bucketMillis;
        long elapsed = Math.min(BUCKETS, now - currentBucket);
        for (long i = 1; i <= elapsed; i++) {
            int bucket = (int) ((currentBucket + i) % BUCKETS);
            calls[bucket] = 0;
            retries[bucket] = 0;
        }
        if (elapsed > 0) {
            currentBucket = now;
        }
        return (int) (currentBucket % BUCKETS);
    }
}
