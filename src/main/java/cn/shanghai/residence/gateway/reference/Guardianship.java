package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** The service's age rule: below 16 a resident does not apply in person; a guardian applies for them. */
public final class Guardianship {

    public static final int AGE = 16;

    /** Why a resident under 16 cannot apply themselves, as the journey and the mutations say it. */
    public static final String RULE = "未满16周岁，须由监护人代为申请 / Under 16: a guardian applies on your behalf";

    private Guardianship() {
    }

    /** Whether someone born on {@code birthDate} needs a guardian to apply on {@code day}; unknown: no. */
    public static boolean needsGuardian(@Nullable LocalDate birthDate, LocalDate day) {
        return birthDate != null && birthDate.plusYears(AGE).isAfter(day);
    }
}
