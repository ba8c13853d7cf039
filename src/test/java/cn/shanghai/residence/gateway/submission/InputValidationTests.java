package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid input is refused with a typed userError before any agency is asked anything. */
class InputValidationTests extends MutationTests {

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of("applyForResidencePermit", with(permit(), "idempotencyKey", "short"),
                        "INVALID_INPUT", "idempotencyKey"),
                Arguments.of("applyForResidencePermit", with(permit(), "delivery", Map.of("method", "POSTAL",
                        "address", Map.of("district", "杭州市西湖区", "street", "文三路", "detail", "1号"),
                        "recipientMobile", "13880452297")), "DELIVERY_OUTSIDE_SHANGHAI", "district"),
                Arguments.of("applyForResidencePermit", with(permit(), "delivery", Map.of("method", "POSTAL",
                        "address", PUDONG, "recipientMobile", "23880452297")), "INVALID_INPUT", "recipientMobile"),
                Arguments.of("applyForResidencePermit", with(permit(), "photoId", "../../persons/ywtb-1006"),
                        "NOT_FOUND", "photoId"),
                Arguments.of("submitResidenceRegistration", with(registration("RELATIVE_PROPERTY"),
                        "kinshipCommitment", null), "KINSHIP_COMMITMENT_REQUIRED", "kinshipCommitment"),
                Arguments.of("submitResidenceRegistration", with(registration("RELATIVE_RENTED_HOUSING"),
                        "kinshipCommitment", Map.of("relativeName", "陈建华", "relativeIdNumber", "340102196502170012",
                                "relation", "PARENT", "signatureConfirmed", false)),
                        "KINSHIP_COMMITMENT_REQUIRED", "kinshipCommitment"),
                Arguments.of("submitResidenceRegistration", with(registration("RELATIVE_PROPERTY"),
                        "kinshipCommitment", Map.of("relativeName", "陈建华", "relativeIdNumber", "340102196502170013",
                                "relation", "PARENT", "signatureConfirmed", true)),
                        "INVALID_INPUT", "relativeIdNumber"),
                Arguments.of("submitResidenceRegistration", with(registration("COLLECTIVE_DORMITORY"), "materials",
                        List.of(Map.of("attachmentId", "../attachments/x", "kind", "DORMITORY_CERTIFICATE"))),
                        "NOT_FOUND", "attachmentId"),
                Arguments.of("submitResidenceRegistration", with(registration("RENTED_HOUSING"), "photoId",
                        "../../persons/ywtb-1006"), "NOT_FOUND", "photoId"),
                Arguments.of("submitResidenceRegistration", with(registration("RENTED_HOUSING"), "address",
                        Map.of("district", "浦东", "street", "张江镇", "detail", "1号")), "INVALID_INPUT", "district"),
                Arguments.of("submitResidenceRegistration", with(registration("RENTED_HOUSING"), "address",
                        Map.of("district", "浦东新区", "street", "张江镇", "detail", "x".repeat(101))),
                        "INVALID_INPUT", "detail"),
                Arguments.of("submitResidenceRegistration", with(registration("RENTED_HOUSING"), "moveInDate",
                        "2099-01-01"), "INVALID_INPUT", "moveInDate"),
                Arguments.of("submitResidenceRegistration", with(registration("RENTED_HOUSING"), "mobile", "110"),
                        "INVALID_INPUT", "mobile"),
                Arguments.of("changeRegistrationAddress", Map.of("idempotencyKey", key(), "newAddress", PUDONG,
                        "residenceType", "OWN_PROPERTY", "moveInDate", "2026-11-01", "proofLicenseId", "EL/../x"),
                        "NOT_FOUND", "proofLicenseId"),
                Arguments.of("reportPermitLoss", Map.of("idempotencyKey", key(), "forPersonId", "ywtb-1004/x"),
                        "NOT_FOUND", "forPersonId"),
                Arguments.of("choosePermitPhoto", Map.of("idempotencyKey", "key with spaces!", "photoId",
                        "PH-1010-01"), "INVALID_INPUT", "idempotencyKey"));
    }

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @ParameterizedTest(name = "{0}: {2} at {3}")
    @MethodSource("invalidInputs")
    void shouldRefuseInvalidInputWithoutCallingAnyAgency(String mutation, Map<String, Object> input, String code,
            String field) {
        GraphQlTester.Response response = mutate("ywtb-1004", mutation, input);

        response.path(mutation + ".application").valueIsNull();
        response.path(mutation + ".outcomeUnknown").entity(Boolean.class).isEqualTo(false);
        response.path(mutation + ".userErrors").entityList(UserErrorView.class).satisfies(errors -> {
            assertThat(errors).extracting(UserErrorView::code).contains(code);
            assertThat(errors).filteredOn(e -> e.code().equals(code))
                    .allSatisfy(e -> assertThat(e.field()).startsWith("input").endsWith(field));
            assertThat(errors).allSatisfy(e -> assertThat(e.message()).containsPattern("\\p{IsHan}").doesNotContain(" / "));
        });
        assertThat(allUpstreamCalls()).as("upstream calls").isZero();
    }

    @ParameterizedTest(name = "a dependent that is not one: {0}")
    @MethodSource("strangers")
    void shouldAnswerSomeoneElseAsAnUnknownDependent(String stranger) {
        GraphQlTester.Response response = mutate("ywtb-1010", "reportPermitLoss",
                Map.of("idempotencyKey", key(), "forPersonId", stranger));

        assertThat(codes(response, "reportPermitLoss")).containsExactly("NOT_FOUND");
        assertThat(policePosts()).isZero();
    }

    static Stream<String> strangers() {
        return Stream.of("ywtb-1004", "ywtb-9999");
    }

    record UserErrorView(List<String> field, String code, String message) {
    }

    static Map<String, Object> permit() {
        return SubmissionTests.permit("PH-1004-01");
    }

    static Map<String, Object> registration(String residenceType) {
        return SubmissionTests.registration(residenceType);
    }
}
