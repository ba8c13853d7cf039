package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

/** How personal numbers are shown: enough for the owner to recognise them, never enough to reuse them. */
public final class Masking {

    private Masking() {
    }

    /** {@code 340102199001011234} → {@code 340***********1234}. */
    public static @Nullable String idNumber(@Nullable String idNumber) {
        return keepEnds(idNumber, 3, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static @Nullable String mobile(@Nullable String mobile) {
        return keepEnds(mobile, 3, 4);
    }

    private static @Nullable String keepEnds(@Nullable String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
