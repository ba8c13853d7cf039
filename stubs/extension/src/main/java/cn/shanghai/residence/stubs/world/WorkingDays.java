package cn.shanghai.residence.stubs.world;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday count as working days (the sandbox keeps no holiday calendar). */
final class WorkingDays {

    private WorkingDays() {
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code day} (n ≥ 1; {@code day} itself never counts). */
    static LocalDate after(LocalDate day, int n) {
        LocalDate current = day;
        int left = n;
        while (left > 0) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                left--;
            }
        }
        return current;
    }
}
