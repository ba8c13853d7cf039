package cn.shanghai.residence.gateway.reference;

/**
 * Published when the {@link ServiceClock} jumped (the sandbox clock advanced or reset): whatever waits on real time
 * for residents' dates to change (live progress pollers) looks again now instead of at its next interval.
 */
public record ServiceClockMoved() {
}
