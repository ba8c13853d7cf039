package cn.shanghai.residence.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a request must be answered by: every upstream call and retry of the request stops waiting then. */
public record RequestDeadline(Instant at) {

    public Duration remaining(Clock clock) {
        return Duration.between(clock.instant(), at);
    }
}
