package cn.shanghai.residence.gateway.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes an agency added after its contract (persona ywtb-1034: application status PENDING_PAYMENT, gender F, an
 * e-licence type and a photo source the gateway does not know) are read as UNKNOWN, counted, and the person's
 * sections and journey still arrive; a missing required value is still the agency's error.
 */
class UnknownValuesTests extends GatewayIntegrationTests {

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldReadCodesTheGatewayDoesNotKnowAsUnknownAndKeepEverySection() {
        double police = count("police", "Application.Status");
        double bdc = count("bdc", "Profile.Gender");
        resetJournals();

        GraphQlTester.Response response = as("ywtb-1034").documentName("unknownValues").execute();

        response.errors().verify()
                .path("me.profile.name").entity(String.class).isEqualTo("彭丽")
                .path("me.profile.gender").entity(String.class).isEqualTo("UNKNOWN")
                .path("me.applications[0].status").entity(String.class).isEqualTo("UNKNOWN")
                .path("me.applications[0].timeline[*].status").entityList(String.class)
                .containsExactly("SUBMITTED", "UNDER_REVIEW", "UNKNOWN")
                .path("me.applications[0].timeline[2].note").entity(String.class).isEqualTo("等待申请人确认邮寄费用")
                .path("me.photos[0].source").entity(String.class).isEqualTo("UNKNOWN")
                .path("me.photos[0].compliant").entity(Boolean.class).isEqualTo(true);
        assertThat(count("police", "Application.Status") - police).as("the status and its timeline event")
                .isGreaterThanOrEqualTo(2);
        assertThat(count("bdc", "Profile.Gender") - bdc).isGreaterThanOrEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1034/applications")).isEqualTo(1);
        assertThat(requestsTo(Upstream.BDC, "GET", "/persons/ywtb-1034/profile")).isEqualTo(1);
    }

    @Test
    void shouldCountAnApplicationInAnUnknownStatusAsInProgress() {
        as("ywtb-1034").documentName("unknownValues").execute().errors().verify()
                .path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS")
                .path("me.journey.actions[*].code").entityList(String.class).containsExactly("TRACK_PERMIT_APPLICATION")
                .path("me.reminders").entityList(Object.class).hasSize(0);
        as("ywtb-1034").document("{ me { applications(scope: OPEN) { id } } }").execute().errors().verify()
                .path("me.applications[*].id").entityList(String.class).containsExactly("APL-1034-0001");
    }

    @Test
    void shouldMaskTheNumberOfALicenceOfAnUnknownType() {
        as("ywtb-1034").documentName("unknownValues").execute().errors().verify()
                .path("me.eLicenses[?(@.id == 'EL-1034-SSC')].type").entityList(String.class).containsExactly("UNKNOWN")
                .path("me.eLicenses[?(@.id == 'EL-1034-SSC')].number").entityList(String.class)
                .containsExactly("440***********1822");
    }

    @Test
    void shouldReadAParcelStatusEmsAddedAsAnUpdate() {
        stubForThisTest(Upstream.POSTAL, get(urlPathEqualTo("/postal/v1/shipments")).atPriority(1)
                .willReturn(okJson("[{\"trackingNo\":\"1187654321095\",\"status\":\"HELD_AT_STATION\","
                        + "\"codAmountFen\":1500,\"estimatedDelivery\":null,\"events\":[]}]")));
        double before = count("postal", "Shipment.Status");

        as("ywtb-1006").document("{ me { reminders { kind message } "
                        + "applications { delivery { shipment { status } } } } }").execute().errors().verify()
                .path("me.applications[0].delivery.shipment.status").entity(String.class).isEqualTo("UNKNOWN")
                .path("me.reminders[*].kind").entityList(String.class).containsExactly("DELIVERY_UPDATE")
                .path("me.reminders[0].message").entity(String.class)
                .isEqualTo("居住证邮件有新的物流状态，货到付款 15.00 元");
        assertThat(count("postal", "Shipment.Status") - before).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldStillRefuseARecordWithoutARequiredValue() {
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo("/police/v1/persons/ywtb-1034/applications"))
                .atPriority(1)
                .willReturn(okJson("[{\"applicationId\":\"APL-1034-0001\",\"personId\":\"ywtb-1034\","
                        + "\"kind\":\"RESIDENCE_PERMIT_NEW\",\"status\":null,\"submittedAt\":\"2026-11-27T02:00:00Z\","
                        + "\"updatedAt\":\"2026-11-28T08:00:00Z\",\"delivery\":null,\"issuedLicenseId\":null,"
                        + "\"events\":[]}]")));

        as("ywtb-1034").document("{ me { applications { id } profile { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("me.applications");
                    assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_ERROR")
                            .containsEntry("upstream", "police");
                }))
                .path("me.applications").valueIsNull()
                .path("me.profile.name").entity(String.class).isEqualTo("彭丽");
    }

    private double count(String upstream, String field) {
        Counter counter = meters.find(UnknownUpstreamValues.METRIC).tag("upstream", upstream).tag("field", field)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
