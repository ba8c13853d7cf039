package cn.shanghai.residence.gateway.reference;

/** How personal numbers are shown: enough for the owner to recognise them, never enough to reuse them. */
public final class Masking {

    private Masking() {
    }

    /** {@code 340102199001011234} → {@code 340***********1234}. */
    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 3, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String mobile) {
        return keepEnds(mobile, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
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
