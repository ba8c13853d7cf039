package cn.shanghai.residence.gateway.reference;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A guardian applies until the day of the 16th birthday, and not on it. */
class GuardianshipTests {

    @Test
    void shouldNeedAGuardianUpToTheDayBeforeTheSixteenthBirthday() {
        LocalDate born = LocalDate.of(2010, 6, 15);

        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2026, 6, 14))).isTrue();
        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2026, 6, 15))).isFalse();
        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2026, 6, 16))).isFalse();
    }

    @Test
    void shouldCountTheSixteenthBirthdayOfALeapDayChildOnTwentyNinthFebruary() {
        LocalDate born = LocalDate.of(2008, 2, 29);

        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2024, 2, 28))).isTrue();
        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2024, 2, 29))).isFalse();
    }

    @Test
    void shouldCountTheSixteenthBirthdayOfALeapDayChildOnTwentyEighthFebruaryWithoutALeapYear() {
        LocalDate born = LocalDate.of(2084, 2, 29);

        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2100, 2, 27))).isTrue();
        assertThat(Guardianship.needsGuardian(born, LocalDate.of(2100, 2, 28))).isFalse();
    }

    @Test
    void shouldNotAskForAGuardianWhenTheBirthDateIsUnknown() {
        assertThat(Guardianship.needsGuardian(null, LocalDate.of(2026, 11, 29))).isFalse();
    }

    @Test
    void shouldSetTheAgeAtSixteen() {
        assertThat(Guardianship.AGE).isEqualTo(16);
    }
}
