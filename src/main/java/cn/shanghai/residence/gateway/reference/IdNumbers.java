package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks mainland identity numbers (GB 11643-1999) and mobile numbers before they go anywhere. */
public final class IdNumbers {

    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private IdNumbers() {
    }

    /** 18 characters, a real birth date, and the right check digit. */
    public static boolean validIdNumber(@Nullable String idNumber) {
        if (idNumber == null || !ID_SHAPE.matcher(idNumber).matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14)));
        } catch (DateTimeException notADate) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11) == idNumber.charAt(17);
    }

    /** A mainland mobile number: 11 digits starting 13-19. */
    public static boolean validMobile(@Nullable String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches();
    }
}
