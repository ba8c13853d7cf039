package cn.shanghai.residence.gateway.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language an answer is in, from the request's own setting and its Accept-Language. */
class LanguagesTests {

    @Test
    void shouldAnswerInChineseWithoutAnyPreference() {
        assertThat(Languages.choose(null, null)).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(" ", "")).isEqualTo(Languages.CHINESE);
    }

    @Test
    void shouldFollowAcceptLanguage() {
        assertThat(Languages.choose(null, "en")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, "en-GB,en;q=0.9")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(null, "zh")).isEqualTo(Languages.CHINESE);
    }

    @Test
    void shouldTakeTheBestLanguageWeSpeakByWeight() {
        assertThat(Languages.choose(null, "fr-FR,en;q=0.5,zh;q=0.4")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, "en;q=0.3,zh-CN;q=0.8")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(null, "en;q=0,zh;q=0.1")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(null, "zh;q=0,en;q=0.1")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, "en;q=0")).as("q=0: not acceptable").isEqualTo(Languages.CHINESE);
    }

    @Test
    void shouldAnswerInChineseForALanguageWeDoNotSpeakOrAMalformedHeader() {
        assertThat(Languages.choose(null, "fr, de;q=0.5")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(null, "en;q=abc")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose(null, "*")).isEqualTo(Languages.CHINESE);
    }

    @Test
    void shouldPreferTheRequestsOwnSettingToTheHeader() {
        assertThat(Languages.choose("en", "zh-CN")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose("zh-CN", "en")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose("en_US", null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose("fr", "en")).isEqualTo(Languages.ENGLISH);
    }
}
