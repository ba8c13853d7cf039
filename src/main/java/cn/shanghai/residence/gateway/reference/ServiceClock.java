package cn.shanghai.residence.gateway.reference;

import java.time.Clock;

/**
 * The clock that decides residents' dates: "today" for the journey, the reminders, the 6-month rule and input
 * checks. The system clock in production; in the sandbox the sandbox clock, which can be advanced (issue 12).
 * Kept apart from the plain {@code Clock} on purpose: request deadlines, caches, retry budgets and token expiry
 * measure real elapsed time and must not jump when the sandbox moves six months ahead.
 */
public record ServiceClock(Clock clock) {
}
