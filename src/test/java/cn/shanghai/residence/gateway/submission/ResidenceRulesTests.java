package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's rules for every kind of home and applicant (issue 11), against the personas: a relative's home
 * with and without a visible title, a dormitory, a revoked proof, a proof of another address, a 17-year-old
 * dependent, a card address, the photo step.
 */
class ResidenceRulesTests extends MutationTests {

    static final Map<String, Object> LETTER = Map.of("relativeName", "林建国", "relativeIdNumber",
            "340102196502170012", "relation", "PARENT", "signatureConfirmed", true);
    static final Map<String, Object> LIN_XIAO_HOME = Map.of("district", "静安区", "street", "彭浦新村街道",
            "detail", "共和新路3088弄7号1203室");
    static final Map<String, Object> GAO_MIN_HOME = Map.of("district", "闵行区", "street", "古美路街道",
            "detail", "平吉路211弄5号402室");
    static final Map<String, Object> DENG_CHAO_DORMITORY = Map.of("district", "浦东新区", "street", "张江镇",
            "detail", "哈雷路1000号3号楼集体宿舍215室");
    static final Map<String, Object> HUANG_LEI_OLD_HOME = Map.of("district", "徐汇区", "street", "漕河泾街道",
            "detail", "漕宝路88弄3号1001室");
    static final Map<String, Object> LI_NA_HOME = Map.of("district", "浦东新区", "street", "张江镇",
            "detail", "碧波路690弄12号301室");

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldRegisterARelativesRentedHomeWhoseFiledContractListsTheApplicant() {
        GraphQlTester.Response response = mutate("ywtb-1016", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", LIN_XIAO_HOME, "residenceType", "RELATIVE_RENTED_HOUSING",
                "moveInDate", "2026-01-10", "mobile", "13859201746", "kinshipCommitment", LETTER));

        response.path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        assertThat(policePostRequests()).singleElement().satisfies(post -> assertThat(post.getBodyAsString())
                .contains("\"proofLicenseId\":\"EL-1016-RFN\"", "\"residenceType\":\"RELATIVE_RENTED_HOUSING\"",
                        "\"kinshipCommitment\""));
    }

    @Test
    void shouldRefuseARelativesHomeOnTheKinshipLetterAlone() {
        GraphQlTester.Response response = mutate("ywtb-1017", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", GAO_MIN_HOME, "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", "2026-01-10", "mobile", "13962517083", "kinshipCommitment", LETTER));

        response.path("submitResidenceRegistration.application").valueIsNull();
        response.path("submitResidenceRegistration.userErrors[0].code").entity(String.class)
                .isEqualTo("RELATIVE_HOME_PROOF_REQUIRED");
        response.path("submitResidenceRegistration.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "materials");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldRegisterARelativesHomeWithTheRelativesTitleUploaded() {
        GraphQlTester.Response response = mutate("ywtb-1017", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", GAO_MIN_HOME, "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", "2026-01-10", "mobile", "13962517083", "kinshipCommitment", LETTER,
                "materials", List.of(Map.of("attachmentId", "ATT-ywtb-1017-0000000042", "kind",
                        "PROPERTY_CERTIFICATE"))));

        response.path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/attachments/ATT-ywtb-1017-0000000042")).isEqualTo(1);
        assertThat(policePostRequests()).singleElement().satisfies(post -> assertThat(post.getBodyAsString())
                .contains("\"attachmentIds\":[\"ATT-ywtb-1017-0000000042\"]",
                        "{\"attachmentId\":\"ATT-ywtb-1017-0000000042\",\"kind\":\"PROPERTY_CERTIFICATE\"}")
                .doesNotContain("proofLicenseId"));
    }

    @Test
    void shouldAnswerSomeoneElsesOrAnUnknownUploadAsNotFound() {
        GraphQlTester.Response response = mutate("ywtb-1017", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", GAO_MIN_HOME, "residenceType", "RELATIVE_PROPERTY",
                "moveInDate", "2026-01-10", "mobile", "13962517083", "kinshipCommitment", LETTER,
                "materials", List.of(
                        Map.of("attachmentId", "ATT-ywtb-1001-0000000042", "kind", "PROPERTY_CERTIFICATE"),
                        Map.of("attachmentId", "ATT-unknown", "kind", "PROPERTY_CERTIFICATE"))));

        response.path("submitResidenceRegistration.userErrors[*].code").entityList(String.class)
                .containsExactly("NOT_FOUND", "NOT_FOUND");
        response.path("submitResidenceRegistration.userErrors[1].field").entityList(String.class)
                .containsExactly("input", "materials", "1", "attachmentId");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldRegisterADormitoryWithTheUploadedCertificate() {
        GraphQlTester.Response response = mutate("ywtb-1018", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", DENG_CHAO_DORMITORY, "residenceType", "COLLECTIVE_DORMITORY",
                "moveInDate", "2026-03-01", "mobile", "18874620395",
                "materials", List.of(Map.of("attachmentId", "ATT-ywtb-1018-0000000007", "kind",
                        "DORMITORY_CERTIFICATE"))));

        response.path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        assertThat(policePosts()).isEqualTo(1);
    }

    @Test
    void shouldRefuseADormitoryWithoutTheEmployersCertificate() {
        GraphQlTester.Response response = mutate("ywtb-1018", "submitResidenceRegistration", Map.of(
                "idempotencyKey", key(), "address", DENG_CHAO_DORMITORY, "residenceType", "COLLECTIVE_DORMITORY",
                "moveInDate", "2026-03-01", "mobile", "18874620395",
                "dormitoryCertificate", Map.of("employerName", "上海张江某某科技有限公司", "certificateNo", "沪宿证字2026第12号")));

        assertThat(codes(response, "submitResidenceRegistration")).containsExactly("DORMITORY_CERTIFICATE_REQUIRED");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldRefuseTheRevokedLicenceOfATerminatedContract() {
        GraphQlTester.Response response = mutate("ywtb-1014", "changeRegistrationAddress", Map.of(
                "idempotencyKey", key(), "newAddress", HUANG_LEI_OLD_HOME, "residenceType", "RENTED_HOUSING",
                "moveInDate", "2026-11-19", "proofLicenseId", "EL-1014-RFN-1"));

        response.path("changeRegistrationAddress.userErrors[0].code").entity(String.class).isEqualTo("PROOF_NOT_VALID");
        response.path("changeRegistrationAddress.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "proofLicenseId");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldRefuseAValidProofOfAnotherAddress() {
        GraphQlTester.Response offered = mutate("ywtb-1014", "changeRegistrationAddress", Map.of(
                "idempotencyKey", key(), "newAddress", PUDONG, "residenceType", "RENTED_HOUSING",
                "moveInDate", "2026-11-19", "proofLicenseId", "EL-1014-RFN-2"));
        GraphQlTester.Response onFile = mutate("ywtb-1014", "changeRegistrationAddress", Map.of(
                "idempotencyKey", key(), "newAddress", PUDONG, "residenceType", "RENTED_HOUSING",
                "moveInDate", "2026-11-19"));

        assertThat(codes(offered, "changeRegistrationAddress")).containsExactly("PROOF_ADDRESS_MISMATCH");
        assertThat(codes(onFile, "changeRegistrationAddress")).as("nothing offered: the new home needs its proof")
                .containsExactly("NO_RESIDENCE_PROOF");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldNotLetAGuardianApplyForADependentOfSeventeen() {
        GraphQlTester.Response response = mutate("ywtb-1020", "reportPermitLoss", Map.of(
                "idempotencyKey", key(), "forPersonId", "ywtb-1019"));

        response.path("reportPermitLoss.userErrors[0].code").entity(String.class).isEqualTo("IN_PERSON_REQUIRED");
        response.path("reportPermitLoss.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "forPersonId");
        assertThat(policePosts()).isZero();
        assertThat(allUpstreamRequests()).as("only the guardianship was read")
                .allSatisfy(request -> assertThat(request.getUrl()).endsWith("/persons/ywtb-1020/dependents"));
    }

    @Test
    void shouldCountADependentsAgeOnTheSandboxClock() {
        mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key(), "forPersonId", "ywtb-1013"))
                .path("reportPermitLoss.userErrors[0].code").entity(String.class).isEqualTo("PERMIT_REQUIRED");

        webTestClient.post().uri("/sandbox/clock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advance", "P6Y")).exchange().expectStatus().isOk();

        GraphQlTester.Response sixteen = mutate("ywtb-1010", "reportPermitLoss", Map.of("idempotencyKey", key(),
                "forPersonId", "ywtb-1013"));
        sixteen.path("reportPermitLoss.userErrors[0].code").entity(String.class)
                .isEqualTo("IN_PERSON_REQUIRED");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldPutAnotherCardAddressWithItsProofOnThePermitApplication() {
        GraphQlTester.Response response = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(), "photoId", "PH-1004-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310115-01"),
                "cardAddress", Map.of("address", LI_NA_HOME, "residenceType", "RENTED_HOUSING",
                        "moveInDate", "2026-03-01")));

        response.path("applyForResidencePermit.userErrors").entityList(Object.class).hasSize(0);
        assertThat(policePostRequests().get(0).getBodyAsString()).contains("\"cardAddress\":{",
                "\"proofLicenseId\":\"EL-1004-RFN\"");
    }

    @Test
    void shouldRefuseACardAddressWithoutProofAtItsOwnField() {
        GraphQlTester.Response response = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(), "photoId", "PH-1004-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310115-01"),
                "cardAddress", Map.of("address", GAO_MIN_HOME, "residenceType", "RENTED_HOUSING",
                        "moveInDate", "2026-03-01")));

        response.path("applyForResidencePermit.userErrors[0].code").entity(String.class)
                .isEqualTo("NO_RESIDENCE_PROOF");
        response.path("applyForResidencePermit.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "cardAddress", "materials");
        assertThat(policePosts()).isZero();
    }

    @Test
    void shouldSendThePostalCardToTheApplicantsOwnMobileWhenNoneIsGiven() {
        GraphQlTester.Response response = mutate("ywtb-1004", "applyForResidencePermit", Map.of(
                "idempotencyKey", key(), "photoId", "PH-1004-01",
                "delivery", Map.of("method", "POSTAL", "address", LI_NA_HOME)));

        response.path("applyForResidencePermit.userErrors").entityList(Object.class).hasSize(0);
        assertThat(policePostRequests().get(0).getBodyAsString()).contains("\"recipientMobile\":\"13880452297\"");
    }

    @Test
    void shouldLetAPhotoBeChosenAheadOfAFirstPermitApplication() {
        GraphQlTester.Response response = mutate("ywtb-1004", "choosePermitPhoto", Map.of(
                "idempotencyKey", key(), "photoId", "PH-1004-01"));

        response.path("choosePermitPhoto.userErrors").entityList(Object.class).hasSize(0);
        response.path("choosePermitPhoto.application.kind").entity(String.class).isEqualTo("PERMIT_PHOTO_CHANGE");
    }

    @Test
    void shouldTakeTheRegistrationsPhotoStepAndCheckThePhoto() {
        Map<String, Object> registration = Map.of("idempotencyKey", key(), "address", Map.of("district", "闵行区",
                "street", "莘庄镇", "detail", "莘松路380弄12号502室"), "residenceType", "RENTED_HOUSING",
                "moveInDate", "2026-07-01", "mobile", "13956021874", "photoId", "PH-1001-01");

        mutate("ywtb-1001", "submitResidenceRegistration", registration)
                .path("submitResidenceRegistration.userErrors").entityList(Object.class).hasSize(0);
        assertThat(policePostRequests().get(0).getBodyAsString()).contains("\"photoId\":\"PH-1001-01\"");

        GraphQlTester.Response unknownPhoto = mutate("ywtb-1001", "submitResidenceRegistration",
                with(with(registration, "idempotencyKey", key()), "photoId", "PH-1004-01"));
        unknownPhoto.path("submitResidenceRegistration.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(policePosts()).isEqualTo(1);
    }
}
