package cn.shanghai.residence.gateway.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two agencies' spellings of one home are the same home; any part that differs makes another one. */
class AddressTests {

    private static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");

    @Test
    void shouldTreatTheSameHomeWrittenWithSpacesAsTheSameHome() {
        Address spaced = new Address(" 徐汇区", "漕河泾 街道", "漕宝路 88弄 3号\t1001室 ");

        assertThat(HOME.sameHomeAs(spaced)).isTrue();
        assertThat(spaced.sameHomeAs(HOME)).isTrue();
    }

    @Test
    void shouldTreatFullWidthDigitsLettersAndSpacesAsTheirHalfWidthSelves() {
        Address fullWidth = new Address("徐汇区", "漕河泾街道", "漕宝路８８弄３号\u30001001室");

        assertThat(HOME.sameHomeAs(fullWidth)).isTrue();
        assertThat(new Address("浦东新区", "张江镇", "碧波路690弄Ａ座1室")
                .sameHomeAs(new Address("浦东新区", "张江镇", "碧波路690弄A座1室"))).isTrue();
    }

    @Test
    void shouldTellHomesApartByAnyPart() {
        assertThat(HOME.sameHomeAs(new Address("闵行区", "漕河泾街道", "漕宝路88弄3号1001室"))).isFalse();
        assertThat(HOME.sameHomeAs(new Address("徐汇区", "田林街道", "漕宝路88弄3号1001室"))).isFalse();
        assertThat(HOME.sameHomeAs(new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1002室"))).isFalse();
    }

    @Test
    void shouldNotMatchAMissingAddress() {
        assertThat(HOME.sameHomeAs(null)).isFalse();
    }

    @Test
    void shouldTreatAMissingPartLikeABlankOne() {
        assertThat(new Address("徐汇区", null, "1号").sameHomeAs(new Address("徐汇区", " ", "1号"))).isTrue();
        assertThat(new Address("徐汇区", null, "1号").sameHomeAs(new Address("徐汇区", "漕河泾街道", "1号"))).isFalse();
    }

    @Test
    void shouldWithholdStreetAndDetailFromLogs() {
        assertThat(HOME.toString()).contains("徐汇区").doesNotContain("漕河泾").doesNotContain("1001");
    }
}
