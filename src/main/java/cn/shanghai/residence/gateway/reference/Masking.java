package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

/**
 * How personal numbers are shown: enough for the owner to recognise them, never enough to reuse them. Only a value
 * of the expected length keeps its ends; anything else (a typo, a short test value) is masked whole, since keeping
 * three and four characters of an 8-character value would show more than it hides.
 */
public final class Masking {

    private static final int HEAD = 3;
    private static final int TAIL = 4;

    private Masking() {
    }

    /** {@code 340102199001011234} → {@code 340***********1234}; a 15-digit number likewise. */
    public static @Nullable String idNumber(@Nullable String idNumber) {
        return idNumber != null && (idNumber.length() == 18 || idNumber.length() == 15)
                ? keepEnds(idNumber) : hidden(idNumber);
    }

    /** {@code 13812345678} → {@code 138****5678}, the mask mainland services all use. */
    public static @Nullable String mobile(@Nullable String mobile) {
        return mobile != null && mobile.length() == 11 ? keepEnds(mobile) : hidden(mobile);
    }

    private static String keepEnds(String value) {
        return value.substring(0, HEAD) + "*".repeat(value.length() - HEAD - TAIL)
                + value.substring(value.length() - TAIL);
    }

    private static @Nullable String hidden(@Nullable String value) {
        return value == null ? null : "*".repeat(value.length());
    }
}
