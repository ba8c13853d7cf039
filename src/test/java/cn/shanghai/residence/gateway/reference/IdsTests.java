package cn.shanghai.residence.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only identifiers that cannot change an upstream URL's path or query are let through. */
class IdsTests {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ywtb-1004", "PH-1004-01", "a", "9", "EL_2.v1", "APL-2026-000001"})
    void shouldAcceptLettersDigitsAndInnerPunctuation(String id) {
        assertThat(Ids.safe(id)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "../x", "a/b", "-lead", ".hidden", "_x", "a b", "a?b=1", "a%2F", "张伟", "a#b"})
    void shouldRefuseAnythingThatCouldChangeAUrl(String id) {
        assertThat(Ids.safe(id)).isFalse();
    }

    @Test
    void shouldAcceptSixtyFourCharactersAndNoMore() {
        assertThat(Ids.safe("a".repeat(64))).isTrue();
        assertThat(Ids.safe("a".repeat(65))).isFalse();
    }

    @Test
    void shouldRefuseAMissingId() {
        assertThat(Ids.safe(null)).isFalse();
    }
}
