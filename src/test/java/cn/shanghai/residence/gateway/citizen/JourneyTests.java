package cn.shanghai.residence.gateway.citizen;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The journey and reminders over HTTP, against the stubs: what police and housing say decides what a resident sees. */
class JourneyTests extends GatewayIntegrationTests {

    /** ywtb-1008's permit, as police's stub words the reason (stubs/police/mappings/persona-1008-*.json). */
    private static final String POLICE_REASON = "经社区民警上门实地核实，持证人不在居住证登记的居住地址居住，不能自动签注；"
            + "请持证到就近街道社区事务受理服务中心当场办理签注。";

    @Test
    void shouldShowPolicesReasonForAFailedAutomaticEndorsement() {
        GraphQlTester.Response response = journey("ywtb-1008");

        response.path("me.journey.blockers[0].code").entity(String.class).isEqualTo("AUTO_ENDORSEMENT_FAILED");
        response.path("me.journey.blockers[0].message").entity(String.class)
                .isEqualTo("自动签注未通过：" + POLICE_REASON);
        assertThat(reminder(response, "AUTO_ENDORSEMENT_FAILED")).contains(POLICE_REASON);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1008/residence-permit")).isEqualTo(1);
    }

    @Test
    void shouldFallBackToTheServicesRuleWhenPoliceGiveNoReason() {
        stubForThisTest(Upstream.POLICE, get(urlPathEqualTo("/police/v1/persons/ywtb-1008/residence-permit"))
                .atPriority(1)
                .willReturn(okJson("{\"permitNo\":\"JZZ3101099824711\",\"status\":\"VALID\","
                        + "\"issuedOn\":\"2026-01-10\","
                        + "\"validUntil\":\"2099-01-10\",\"photoId\":\"PH-1008-01\","
                        + "\"autoEndorsement\":{\"eligible\":false,\"reason\":null}}")));

        GraphQlTester.Response response = journey("ywtb-1008");

        response.path("me.journey.blockers[0].message").entity(String.class)
                .isEqualTo("自动签注未通过：公安核查未在登记地址居住");
        assertThat(reminder(response, "AUTO_ENDORSEMENT_FAILED"))
                .isEqualTo("自动签注未通过，请到服务中心办理签注");
    }

    @Test
    void shouldOfferRegistrationAtARelativesHomeOrADormitoryToSomeoneWithNoHousingRecord() {
        GraphQlTester.Response response = journey("ywtb-1030");

        response.path("me.journey.stage").entity(String.class).isEqualTo("NOT_REGISTERED")
                .path("me.journey.actions[*].code").entityList(String.class)
                .containsExactly("APPLY_RESIDENCE_REGISTRATION", "FILE_RENTAL_CONTRACT")
                .path("me.journey.actions[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("亲属关系承诺书").contains("集体宿舍证明"))
                .path("me.journey.blockers").entityList(Object.class).hasSize(0);
        assertThat(requestsTo(Upstream.HOUSING, "GET", "/persons/ywtb-1030/properties")).isEqualTo(1);
        assertThat(requestsTo(Upstream.HOUSING, "GET", "/persons/ywtb-1030/rental-contracts")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1030/residence-registration")).isEqualTo(1);
    }

    @Test
    void shouldTellTheOwnerOfAnOfficeThatOnlyTheOfficeIsRefused() {
        GraphQlTester.Response response = journey("ywtb-1011");

        response.path("me.journey.actions[0].code").entity(String.class).isEqualTo("APPLY_RESIDENCE_REGISTRATION")
                .path("me.journey.blockers[*].code").entityList(String.class).contains("NON_RESIDENTIAL_HOUSING");
        assertThat(requestsTo(Upstream.HOUSING, "GET", "/persons/ywtb-1011/properties")).isEqualTo(1);
    }

    @Test
    void shouldFollowARenewedPermitOnItsWayRatherThanTheExpiredOne() {
        GraphQlTester.Response response = journey("ywtb-1033");

        response.path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS")
                .path("me.journey.actions[*].code").entityList(String.class).containsExactly("TRACK_DELIVERY")
                .path("me.journey.blockers").entityList(Object.class).hasSize(0);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1033/residence-permit")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1033/applications")).isEqualTo(1);
    }

    @Test
    void shouldSayWhatPoliceNeedForARegistrationWaitingForASupplement() {
        GraphQlTester.Response response = journey("ywtb-1031");

        response.path("me.journey.stage").entity(String.class).isEqualTo("REGISTRATION_IN_PROGRESS")
                .path("me.journey.actions[*].code").entityList(String.class).containsExactly("SUPPLEMENT_APPLICATION")
                .path("me.journey.actions[0].message").entity(String.class)
                .isEqualTo("居住登记需补充材料：" + SUPPLEMENT_NOTE)
                .path("me.journey.blockers").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldShowPolicesReasonForARejectedPermitAndOfferToApplyAgain() {
        GraphQlTester.Response response = journey("ywtb-1032");

        response.path("me.journey.stage").entity(String.class).isEqualTo("ELIGIBLE_FOR_PERMIT")
                .path("me.journey.actions[*].code").entityList(String.class).containsExactly("APPLY_RESIDENCE_PERMIT")
                .path("me.journey.blockers[*].code").entityList(String.class).containsExactly("APPLICATION_REJECTED")
                .path("me.journey.blockers[0].message").entity(String.class)
                .isEqualTo("居住证申请未通过：" + PERMIT_REFUSAL);
    }

    @Test
    void shouldShowARejectedRegistrationBesideTheOfficeItWasRefusedFor() {
        journey("ywtb-1011")
                .path("me.journey.blockers[*].code").entityList(String.class)
                .containsExactly("APPLICATION_REJECTED", "NON_RESIDENTIAL_HOUSING")
                .path("me.journey.blockers[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).startsWith("居住登记未通过：申报住所为办公用房"));
    }

    /** Police's notes in the stubs (stubs/police/__files/applications.json). */
    private static final String SUPPLEMENT_NOTE = "请补充上传亲属（房屋产权人）的房地产权证明；亲属关系承诺书已签署，无需重复提交";
    private static final String PERMIT_REFUSAL = "申请所用照片头部比例不符合居住证照片要求，请更换照片后重新申请";

    private GraphQlTester.Response journey(String persona) {
        resetJournals();
        GraphQlTester.Response response = as(persona).documentName("journey").execute();
        response.errors().verify();
        return response;
    }

    /** The message of the one reminder of this kind. */
    private static String reminder(GraphQlTester.Response response, String kind) {
        List<String> kinds = response.path("me.reminders[*].kind").entityList(String.class).get();
        assertThat(kinds).containsOnlyOnce(kind);
        return response.path("me.reminders[" + kinds.indexOf(kind) + "].message").entity(String.class).get();
    }
}
