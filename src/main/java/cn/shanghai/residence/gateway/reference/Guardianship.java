package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.i18n.Text;

import java.time.LocalDate;

/** The service's age rule: below 16 a resident does not apply in person; a guardian applies for them. */
public final class Guardianship {

    public static final int AGE = 16;

    /** Why a resident under 16 cannot apply themselves, as the journey and the mutations say it. */
    public static final Text RULE = Text.of("userError.GUARDIAN_REQUIRED");

    /** Why a guardian cannot apply for a dependent aged 16 or more. */
    public static final Text IN_PERSON = Text.of("userError.IN_PERSON_REQUIRED");

    private Guardianship() {
    }

    /**
     * Whether someone born on {@code birthDate} needs a guardian to apply on {@code day}; unknown: no. They turn 16
     * on their sixteenth birthday; someone born on 29 February, in a year without one, on 28 February (Civil Code
     * art. 202: a period in years without its corresponding day ends on the month's last day).
     */
    public static boolean needsGuardian(@Nullable LocalDate birthDate, LocalDate day) {
        return birthDate != null && birthDate.plusYears(AGE).isAfter(day);
    }
}
