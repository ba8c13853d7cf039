package cn.shanghai.residence.gateway.bdc;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code me.eLicenses} and the licences fields point to: the history of lapsed permits is not offered
 * ("持证人已经失效的居住证历史信息不提供查询"), every other licence is, whatever its status.
 */
class ELicenseQueryTests extends GatewayIntegrationTests {

    @Test
    void shouldListOnlyTheValidResidencePermitOfAResidentWithNineteenLapsedOnes() {
        resetJournals();

        as("ywtb-1015").documentName("eLicenses").variable("types", java.util.List.of("RESIDENCE_PERMIT")).execute()
                .errors().verify()
                .path("me.eLicenses[*].id").entityList(String.class).containsExactly("EL-1015-RP-20")
                .path("me.eLicenses[0].status").entity(String.class).isEqualTo("VALID");

        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1015/elicenses")).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryLicenceThatIsNotALapsedPermit() {
        as("ywtb-1015").documentName("eLicenses").execute().errors().verify()
                .path("me.eLicenses[*].id").entityList(String.class)
                .containsExactly("EL-1015-IDC", "EL-1015-RRC", "EL-1015-RFN", "EL-1015-RP-20");
    }

    @Test
    void shouldNotShowTheLapsedPermitAnOldApplicationIssued() {
        resetJournals();

        as("ywtb-1015").documentName("application").variable("id", "APL-1015-0001").execute().errors().verify()
                .path("application.status").entity(String.class).isEqualTo("COMPLETED")
                .path("application.issuedLicense").valueIsNull();
        as("ywtb-1015").documentName("application").variable("id", "APL-1015-0020").execute().errors().verify()
                .path("application.issuedLicense.id").entity(String.class).isEqualTo("EL-1015-RP-20");

        assertThat(requestsTo(Upstream.BDC, "POST", "/elicenses:batchGet")).isEqualTo(2);
    }
}
