package cn.shanghai.residence.gateway.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an operation's answer becomes the audit's outcome. */
class AuditOutcomeTests {

    @Test
    void shouldBeOkWithDataAndNoErrors() {
        assertThat(AuditOutcome.of(Map.of("me", Map.of("personId", "ywtb-1001")), List.of()).text()).isEqualTo("OK");
        assertThat(AuditOutcome.of(null, List.of())).isEqualTo(AuditOutcome.OK);
    }

    @Test
    void shouldBeRefusedByTheFirstUserErrorOfAMutation() {
        Map<String, Object> payload = Map.of("application", "none", "userErrors",
                List.of(Map.of("code", "REGISTRATION_TOO_RECENT"), Map.of("code", "NO_RESIDENCE_PROOF")));
        assertThat(AuditOutcome.of(Map.of("applyForResidencePermit", payload), List.of()).text())
                .isEqualTo("REFUSED(REGISTRATION_TOO_RECENT)");
        assertThat(AuditOutcome.of(Map.of("m", Map.of("userErrors", List.of(Map.of("field", "x")))), List.of()).text())
                .isEqualTo("REFUSED(USER_ERROR)");
        assertThat(AuditOutcome.of(Map.of("m", Map.of("userErrors", List.of())), List.of()).text()).isEqualTo("OK");
        assertThat(AuditOutcome.of(Map.of("m", Map.of("userErrors", "none")), List.of()).text()).isEqualTo("OK");
        assertThat(AuditOutcome.of(Map.of("m", List.of()), List.of()).text()).isEqualTo("OK");
    }

    @Test
    void shouldBeRefusedWhenTheCallerCausedTheErrorAndNothingCameBack() {
        for (String code : AuditOutcome.REFUSALS) {
            assertThat(AuditOutcome.of(nulls("application"), List.of(code)).text()).isEqualTo("REFUSED(" + code + ")");
        }
        assertThat(AuditOutcome.of(null, List.of("BAD_REQUEST", "UPSTREAM_TIMEOUT")).text())
                .isEqualTo("REFUSED(BAD_REQUEST)");
    }

    @Test
    void shouldBeFailedWhenTheGatewayOrAnAgencyFailedAndNothingCameBack() {
        assertThat(AuditOutcome.of(nulls("me"), List.of("UPSTREAM_UNAVAILABLE", "NOT_FOUND")).text())
                .isEqualTo("FAILED(UPSTREAM_UNAVAILABLE)");
        assertThat(AuditOutcome.of(null, List.of("INTERNAL_ERROR")).result()).isEqualTo(AuditOutcome.Result.FAILED);
    }

    @Test
    void shouldBePartialWhenDataCameBackBesideErrors() {
        Map<String, Object> data = nulls("application");
        data.put("me", Map.of("personId", "ywtb-1001"));
        assertThat(AuditOutcome.of(data, List.of("UPSTREAM_TIMEOUT")).text()).isEqualTo("PARTIAL(UPSTREAM_TIMEOUT)");
        assertThat(AuditOutcome.of(data, List.of("NOT_FOUND")).text()).isEqualTo("PARTIAL(NOT_FOUND)");
    }

    private static Map<String, Object> nulls(String field) {
        Map<String, Object> data = new HashMap<>();
        data.put(field, null);
        return data;
    }
}
