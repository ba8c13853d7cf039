package cn.shanghai.residence.stubs.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * The sandbox's simulated time: real time scaled and shifted, so a journey of months can be shown in a minute.
 * Embedded, the gateway and the four stubs share one instance; standalone, the gateway pushes its settings.
 */
public final class SandboxClock extends Clock {

    /** Shanghai time: working days, approval hours and due dates are local. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Clock real;
    private final double defaultScale;
    private volatile Setting setting;

    /** Sandbox time equals {@code sandboxAnchor} at real instant {@code realAnchor}, and runs {@code scale} times as fast. */
    public record Setting(Instant realAnchor, Instant sandboxAnchor, double scale) {
    }

    public SandboxClock(Clock real, double scale) {
        this.real = real;
        this.defaultScale = checkScale(scale);
        Instant now = real.instant();
        this.setting = new Setting(now, now, defaultScale);
    }

    /** On system time, at real speed. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), 1);
    }

    @Override
    public Instant instant() {
        Setting current = setting;
        long realNanos = Duration.between(current.realAnchor(), real.instant()).toNanos();
        return current.sandboxAnchor().plusNanos((long) (realNanos * current.scale()));
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Moves sandbox time forward; calendar amounts ({@code P6M}) count in Shanghai's calendar. */
    public synchronized void advance(TemporalAmount amount) {
        Instant target = instant().atZone(SHANGHAI).plus(amount).toInstant();
        setting = new Setting(real.instant(), target, setting.scale());
    }

    /** Sets sandbox time to {@code now}, running {@code scale} times real speed from here on (what the gateway pushes). */
    public synchronized void set(Instant now, double scale) {
        setting = new Setting(real.instant(), now, checkScale(scale));
    }

    /** Back to real time at the configured speed. */
    public synchronized void reset() {
        Instant now = real.instant();
        setting = new Setting(now, now, defaultScale);
    }

    public double scale() {
        return setting.scale();
    }

    /**
     * Reads an advance: {@code P1D}, {@code P6M}, {@code P1Y2M} (calendar) or {@code PT2H}, {@code P1DT12H} (exact).
     * Refuses empty, negative or unparsable amounts: sandbox time never runs backwards (reset instead).
     */
    public static TemporalAmount parseAdvance(String text) {
        String value = text == null ? "" : text.trim().toUpperCase();
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("advance must be positive: " + text);
                }
                return duration;
            }
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("advance must be positive: " + text);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("advance must be an ISO-8601 period or duration such as P1D, P6M or PT2H, "
                    + "not " + text);
        }
    }

    private static double checkScale(double scale) {
        if (!(scale > 0) || scale > 1_000_000 || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be above 0 and at most 1000000, not " + scale);
        }
        return scale;
    }
}
