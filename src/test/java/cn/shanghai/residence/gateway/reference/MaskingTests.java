package cn.shanghai.residence.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Masked numbers keep only the ends the owner recognises, and a value of an unexpected shape keeps nothing. */
class MaskingTests {

    @Test
    void shouldKeepTheFirstThreeAndLastFourDigitsOfAnEighteenDigitIdNumber() {
        assertThat(Masking.idNumber("340102199001011236")).isEqualTo("340***********1236");
    }

    @Test
    void shouldKeepTheCheckDigitXOfAnIdNumber() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110***********002X");
    }

    @Test
    void shouldMaskAFifteenDigitFirstGenerationIdNumberTheSameWay() {
        assertThat(Masking.idNumber("110105491231002")).isEqualTo("110********1002");
    }

    @Test
    void shouldKeepTheFirstThreeAndLastFourDigitsOfAMobile() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
    }

    @ParameterizedTest(name = "id number \"{0}\"")
    @ValueSource(strings = {"", "1", "1234567", "12345678", "1234567890123", "12345678901234", "1234567890123456",
            "12345678901234567", "1234567890123456789"})
    void shouldRevealNoDigitOfAnIdNumberOfAnotherLength(String value) {
        assertThat(Masking.idNumber(value)).isEqualTo("*".repeat(value.length()));
    }

    @ParameterizedTest(name = "mobile \"{0}\"")
    @ValueSource(strings = {"", "110", "1381234", "13812345", "1381234567", "138123456789", "+8613812345678"})
    void shouldRevealNoDigitOfAMobileOfAnotherLength(String value) {
        assertThat(Masking.mobile(value)).isEqualTo("*".repeat(value.length()));
    }

    @Test
    void shouldNeverRevealMoreCharactersThanItHidesOutsideTheMobileShape() {
        for (int length = 0; length <= 40; length++) {
            String value = "9".repeat(length);
            String masked = Masking.idNumber(value);
            long shown = masked.chars().filter(c -> c != '*').count();
            assertThat(masked).hasSize(length);
            assertThat(shown).as("characters shown of %d", length).isLessThanOrEqualTo(length - shown);
        }
    }

    @Test
    void shouldLeaveAMissingNumberMissing() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.mobile(null)).isNull();
    }
}
