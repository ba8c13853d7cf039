package cn.shanghai.residence.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's budget is decided from the {@code Authorization} header alone. */
class RateLimitCallersTests {

    @Test
    void shouldReadTheBearerTokenWhateverTheSchemesCase() {
        assertThat(RateLimitCallers.bearerToken("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(RateLimitCallers.bearerToken("bearer abc")).contains("abc");
        assertThat(RateLimitCallers.bearerToken("BEARER  abc ")).contains("abc");
    }

    @Test
    void shouldReadNoTokenFromOtherSchemesOrBlankHeaders() {
        assertThat(RateLimitCallers.bearerToken(null)).isEmpty();
        assertThat(RateLimitCallers.bearerToken("")).isEmpty();
        assertThat(RateLimitCallers.bearerToken("Bearer ")).isEmpty();
        assertThat(RateLimitCallers.bearerToken("Bearer    ")).isEmpty();
        assertThat(RateLimitCallers.bearerToken("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(RateLimitCallers.bearerToken("Bearerabc")).isEmpty();
        assertThat(RateLimitCallers.bearerToken("Bear")).isEmpty();
    }

    @Test
    void shouldKeepPeopleAndAddressesInBudgetsOfTheirOwn() {
        assertThat(RateLimitCallers.person("ywtb-1003")).isEqualTo("person:ywtb-1003");
        assertThat(RateLimitCallers.address("10.0.0.7")).isEqualTo("address:10.0.0.7");
        assertThat(RateLimitCallers.isPerson(RateLimitCallers.person("ywtb-1003"))).isTrue();
        assertThat(RateLimitCallers.isPerson(RateLimitCallers.address("ywtb-1003"))).isFalse();
    }
}
