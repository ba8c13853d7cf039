package cn.shanghai.residence.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 11643-1999 identity numbers and mainland mobiles. The valid numbers below were computed outside this code
 * base, one for each of the eleven check characters, so a wrong weight or modulus cannot pass them all.
 */
class IdNumbersTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"310104198512310011", "310104198512310003", "31010419851231002X", "310104198512310097",
            "310104198512310089", "310104198512310070", "310104198512310062", "310104198512310054",
            "310104198512310046", "310104198512310038", "310104198512310185", "11010519491231002X",
            "440524188001010014", "310115200002290013"})
    void shouldAcceptANumberWithItsCheckCharacter(String idNumber) {
        assertThat(IdNumbers.validIdNumber(idNumber)).isTrue();
    }

    @Test
    void shouldRefuseEverySingleWrongCharacterWhateverItsWeight() {
        String valid = "310104198512310011";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(IdNumbers.validIdNumber(typo)).as(typo).isFalse();
            }
        }
        assertThat(IdNumbers.validIdNumber("31010419851231001X")).isFalse();
    }

    @Test
    void shouldRefuseAnImpossibleBirthDateEvenWithTheRightCheckCharacter() {
        assertThat(IdNumbers.validIdNumber("31011519900230001X")).as("1990-02-30").isFalse();
        assertThat(IdNumbers.validIdNumber("310115190002290017")).as("1900-02-29, not a leap year").isFalse();
        assertThat(IdNumbers.validIdNumber("310115200002290013")).as("2000-02-29, a leap year").isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "31010419851231001", "3101041985123100111", "11010519491231002x", "310104198512310O11",
            " 310104198512310011", "310104198512310011 ", "X10104198512310011"})
    void shouldRefuseAWrongShape(String idNumber) {
        assertThat(IdNumbers.validIdNumber(idNumber)).isFalse();
    }

    @Test
    void shouldRefuseAMissingIdNumber() {
        assertThat(IdNumbers.validIdNumber(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"13812345678", "19912345678", "15000000000"})
    void shouldAcceptAMainlandMobile(String mobile) {
        assertThat(IdNumbers.validMobile(mobile)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "110", "12812345678", "23880452297", "1381234567", "138123456789", "1381234567a",
            "+8613812345678"})
    void shouldRefuseAnythingElseAsAMobile(String mobile) {
        assertThat(IdNumbers.validMobile(mobile)).isFalse();
        assertThat(IdNumbers.validMobile(null)).isFalse();
    }
}
