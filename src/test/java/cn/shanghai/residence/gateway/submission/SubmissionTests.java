package cn.shanghai.residence.gateway.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Every mutation's success and refusals, against the stubs' personas. */
class SubmissionTests extends MutationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldRegisterARentedHomeReusingTheFiledContract() {
        GraphQlTester.Response response = mutate("ywtb-1001", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(),
                "address", Map.of("district", "闵行区", "street", "莘庄镇", "detail", "莘松路380弄12号502室"),
                "residenceType", "RENTED_HOUSING",
                "moveInDate", "2026-07-01",
                "mobile", "13956021874"));

        response.path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        response.path("submitResidenceRegistration.application.kind").entity(String.class)
                .isEqualTo("RESIDENCE_REGISTRATION");
        response.path("submitResidenceRegistration.application.status").entity(String.class).isEqualTo("SUBMITTED");
        assertThat(policePosts()).isEqualTo(1);
        String body = policePostRequests().get(0).getBodyAsString();
        assertThat(body).contains("\"personId\":\"ywtb-1001\"").contains("\"proofLicenseId\":\"EL-1001-RFN\"")
                .contains("\"kind\":\"RESIDENCE_REGISTRATION\"");
        assertThat(policePostRequests().get(0).getHeader("Idempotency-Key")).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldWriteAndSendTheKinshipCommitmentLetter() {
        Map<String, Object> input = Map.of(
                "idempotencyKey", key(),
                "address", PUDONG,
                "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", "2026-10-01",
                "mobile", "13956021874",
                "kinshipCommitment", Map.of("relativeName", "陈建华", "relativeIdNumber", "340102196502170012",
                        "relation", "PARENT", "signatureConfirmed", true),
                "materials", List.of(Map.of("attachmentId", "ATT-ywtb-1001-0000000001",
                        "kind", "PROPERTY_CERTIFICATE")));

        GraphQlTester.Response response = mutate("ywtb-1001", "submitResidenceRegistration", input);

        response.path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        response.path("submitResidenceRegistration.kinshipCommitment.relativeIdNumberMasked").entity(String.class)
                .isEqualTo("340***********0012");
        response.path("submitResidenceRegistration.kinshipCommitment.applicantName").entity(String.class)
                .isEqualTo("陈晓燕");
        response.path("submitResidenceRegistration.kinshipCommitment.text").entity(String.class)
                .satisfies(text -> assertThat(text).contains("亲属关系承诺书", "陈晓燕", "陈建华", "父母", "浦东新区")
                        .doesNotContain("340102196502170012"));
        assertThat(policePostRequests().get(0).getBodyAsString())
                .contains("\"relativeIdNumber\":\"340102196502170012\"").contains("\"signatureConfirmed\":true")
                .contains("\"attachmentIds\":[\"ATT-ywtb-1001-0000000001\"]");
    }

    @Test
    void shouldApplyForThePermitByPostWithTheDeliveryFee() {
        GraphQlTester.Response response = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(),
                "photoId", "PH-1004-01",
                "delivery", Map.of("method", "POSTAL", "address", PUDONG, "recipientMobile", "13880452297")));

        response.path("applyForResidencePermit.userErrors").entityList(Object.class).hasSize(0);
        response.path("applyForResidencePermit.deliveryFee").entity(Double.class).isEqualTo(15.0);
        response.path("applyForResidencePermit.application.delivery.method").entity(String.class).isEqualTo("POSTAL");
        assertThat(policePostRequests().get(0).getBodyAsString()).contains("\"codAmountFen\":1500");
    }

    @Test
    void shouldApplyForThePermitWithPickUpAtACentre() {
        GraphQlTester.Response response = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(), "photoId", "PH-1004-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310115-01")));

        response.path("applyForResidencePermit.application.delivery.serviceCenter.id").entity(String.class)
                .isEqualTo("SC-310115-01");
        response.path("applyForResidencePermit.deliveryFee").valueIsNull();
    }

    @Test
    void shouldChangeTheAddressToTheNewlyFiledHome() {
        GraphQlTester.Response response = mutate("ywtb-1014", "changeRegistrationAddress", Map.of(
                "idempotencyKey", key(),
                "newAddress", Map.of("district", "杨浦区", "street", "殷行街道", "detail", "开鲁路518弄9号602室"),
                "residenceType", "RENTED_HOUSING", "moveInDate", "2026-11-19", "proofLicenseId", "EL-1014-RFN-2"));

        response.path("changeRegistrationAddress.userErrors").entityList(Object.class).hasSize(0);
        response.path("changeRegistrationAddress.application.kind").entity(String.class)
                .isEqualTo("REGISTRATION_ADDRESS_CHANGE");
    }

    @Test
    void shouldReportAndCancelALoss() {
        mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key()))
                .path("reportPermitLoss.application.kind").entity(String.class).isEqualTo("PERMIT_LOSS_REPORT");
        mutate("ywtb-1009", "cancelPermitLoss", Map.of("idempotencyKey", key()))
                .path("cancelPermitLoss.application.kind").entity(String.class).isEqualTo("PERMIT_LOSS_CANCEL");
        assertThat(policePosts()).isEqualTo(2);
    }

    @Test
    void shouldChooseAnotherCompliantPhoto() {
        mutate("ywtb-1010", "choosePermitPhoto", Map.of("idempotencyKey", key(), "photoId", "PH-1010-02"))
                .path("choosePermitPhoto.application.kind").entity(String.class).isEqualTo("PERMIT_PHOTO_CHANGE");
    }

    @Test
    void shouldLetAGuardianApplyForTheMinor() {
        GraphQlTester.Response response = mutate("ywtb-1010", "changeRegistrationAddress", Map.of(
                "idempotencyKey", key(),
                "forPersonId", "ywtb-1013",
                "newAddress", PUDONG,
                "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", "2026-11-01",
                "kinshipCommitment", Map.of("relativeName", "郑海涛", "relativeIdNumber", "350102198303170571",
                        "relation", "PARENT", "signatureConfirmed", true),
                "materials", List.of(Map.of("attachmentId", "ATT-ywtb-1013-0000000001",
                        "kind", "PROPERTY_CERTIFICATE"))));

        response.path("changeRegistrationAddress.userErrors").entityList(Object.class).hasSize(0);
        response.path("changeRegistrationAddress.application.kind").entity(String.class)
                .isEqualTo("REGISTRATION_ADDRESS_CHANGE");
        assertThat(policePosts()).isEqualTo(1);
        assertThat(policePostRequests().get(0).getBodyAsString())
                .as("filed for the minor, by the guardian")
                .contains("\"personId\":\"ywtb-1013\"").contains("\"appliedBy\":\"ywtb-1010\"");
    }

    @Test
    void shouldRefuseAGuardianWhatTheMinorLacks() {
        mutate("ywtb-1010", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(), "forPersonId", "ywtb-1013", "photoId", "PH-9999-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310105-01")))
                .path("applyForResidencePermit.userErrors[*].code").entityList(String.class)
                .containsExactly("NOT_FOUND");

        mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key(), "forPersonId", "ywtb-1013"))
                .path("reportPermitLoss.userErrors[*].code").entityList(String.class)
                .containsExactly("PERMIT_REQUIRED");
        assertThat(policePosts()).as("the minor has no photo on file and no permit").isZero();
    }

    @Test
    void shouldHandOffToTheHousingFilingFlow() {
        as("ywtb-1001").documentName("startRentalContractFiling").execute().errors().verify()
                .path("startRentalContractFiling.url").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith("https://"))
                .path("startRentalContractFiling.expiresAt").hasValue();
        assertThat(requestsTo(Upstream.HOUSING, "POST", "/rental-filing/sessions")).isEqualTo(1);
    }

    @Test
    void shouldRefuseEachBrokenRuleWithItsOwnCode() {
        assertRefused("ywtb-1003", "applyForResidencePermit", permit("PH-1003-01"), "REGISTRATION_TOO_RECENT");
        assertRefused("ywtb-1001", "applyForResidencePermit", permit("PH-1001-01"), "NOT_REGISTERED");
        assertRefused("ywtb-1012", "applyForResidencePermit", permit("PH-1012-01"), "PHOTO_NOT_COMPLIANT");
        assertRefused("ywtb-1008", "applyForResidencePermit", permit("PH-1008-01"), "PERMIT_ALREADY_VALID");
        assertRefused("ywtb-1011", "submitResidenceRegistration", with(registration("OWN_PROPERTY"), "address",
                OFFICE_1011), "NON_RESIDENTIAL_HOUSING");
        assertRefused("ywtb-1009", "changeRegistrationAddress", Map.of("idempotencyKey", key(),
                "newAddress", PUDONG, "residenceType", "RENTED_HOUSING", "moveInDate", "2026-11-01"),
                "NO_RESIDENCE_PROOF");
        assertRefused("ywtb-1004", "submitResidenceRegistration", registration("RENTED_HOUSING"),
                "ALREADY_REGISTERED");
        assertRefused("ywtb-1013", "changeRegistrationAddress", Map.of("idempotencyKey", key(),
                "newAddress", PUDONG, "residenceType", "RELATIVE_PROPERTY", "moveInDate", "2026-11-01",
                "kinshipCommitment", Map.of("relativeName", "郑海涛", "relativeIdNumber", "350102198303170571",
                        "relation", "PARENT", "signatureConfirmed", true)), "GUARDIAN_REQUIRED");
        assertRefused("ywtb-1010", "cancelPermitLoss", Map.of("idempotencyKey", key()), "PERMIT_NOT_LOST");
        assertRefused("ywtb-1009", "reportPermitLoss", Map.of("idempotencyKey", key()), "PERMIT_ALREADY_LOST");
        assertRefused("ywtb-1004", "reportPermitLoss", Map.of("idempotencyKey", key()), "PERMIT_REQUIRED");
        assertRefused("ywtb-1004", "applyForResidencePermit", Map.of("idempotencyKey", key(),
                "photoId", "PH-1004-01", "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310101-02")),
                "SERVICE_CENTER_UNAVAILABLE");
        assertThat(policePosts()).as("no rule refusal reaches police").isZero();
    }

    @Test
    void shouldTurnPoliceRefusalsIntoUserErrors() {
        GraphQlTester.Response duplicate = mutate("ywtb-1002", "submitResidenceRegistration",
                with(registration("RENTED_HOUSING"), "address", Map.of("district", "松江区", "street", "方松街道",
                        "detail", "文诚路518弄7号1101室")));
        duplicate.path("submitResidenceRegistration.userErrors[0].code").entity(String.class)
                .isEqualTo("DUPLICATE_APPLICATION");
        duplicate.path("submitResidenceRegistration.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("APL-1002-0001"));

        stubForThisTest(Upstream.POLICE, post(urlPathEqualTo("/police/v1/applications"))
                .atPriority(1).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"QUOTA_EXHAUSTED\",\"message\":\"内部配额 for 110101199003077777\"}")));
        GraphQlTester.Response refused = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key()));
        refused.path("reportPermitLoss.userErrors[0].code").entity(String.class).isEqualTo("REFUSED_BY_POLICE");
        refused.path("reportPermitLoss.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).doesNotContain("110101199003077777", "配额"));
    }

    private void assertRefused(String persona, String mutation, Map<String, Object> input, String code) {
        GraphQlTester.Response response = mutate(persona, mutation, input);
        response.path(mutation + ".application").valueIsNull();
        assertThat(codes(response, mutation)).as(persona + " " + mutation).contains(code);
        response.path(mutation + ".userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).containsPattern("\\p{IsHan}").doesNotContain(" / "));
    }

    /** ywtb-1011's only home: an office. */
    static final Map<String, Object> OFFICE_1011 = Map.of("district", "黄浦区", "street", "外滩街道",
            "detail", "延安东路222号1508室");

    static Map<String, Object> permit(String photoId) {
        return Map.of("idempotencyKey", key(), "photoId", photoId,
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310115-01"));
    }

    static Map<String, Object> registration(String residenceType) {
        return new HashMap<>(Map.of("idempotencyKey", key(), "address", PUDONG,
                "residenceType", residenceType, "moveInDate", "2026-10-01", "mobile", "13812345678"));
    }
}
