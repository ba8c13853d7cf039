package cn.shanghai.residence.gateway.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object a resident can name: someone else's answers exactly like one that does not exist. */
class ObjectAuthorizationTests extends GatewayIntegrationTests {

    private static final String PHOTO = "mutation($input: PhotoChoiceInput!) { choosePermitPhoto(input: $input) "
            + "{ application { id } userErrors { field code message } } }";
    private static final String MOVE = "mutation($input: AddressChangeInput!) { changeRegistrationAddress("
            + "input: $input) { application { id } userErrors { field code message } } }";
    private static final String LOSS = "mutation($input: PermitLossInput!) { reportPermitLoss(input: $input) "
            + "{ application { id } userErrors { field code message } } }";

    @Test
    void shouldAnswerAnotherPersonsPhotoLikeAnUnknownOne() {
        assertThat(userErrors("ywtb-1010", PHOTO, Map.of("idempotencyKey", "auth-photo-1", "photoId", "PH-1004-01")))
                .isEqualTo(userErrors("ywtb-1010", PHOTO, Map.of("idempotencyKey", "auth-photo-2",
                        "photoId", "PH-9999-01")))
                .extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
    }

    @Test
    void shouldAnswerAnotherPersonsLicenseLikeAnUnknownOne() {
        Map<String, Object> move = Map.of("district", "浦东新区", "street", "张江镇", "detail", "碧波路690弄12号301室");
        List<Map<String, Object>> foreign = userErrors("ywtb-1014", MOVE, Map.of("idempotencyKey", "auth-lic-1",
                "newAddress", move, "residenceType", "RENTED_HOUSING", "moveInDate", "2026-11-01",
                "proofLicenseId", "EL-1004-RFN"));
        List<Map<String, Object>> unknown = userErrors("ywtb-1014", MOVE, Map.of("idempotencyKey", "auth-lic-2",
                "newAddress", move, "residenceType", "RENTED_HOUSING", "moveInDate", "2026-11-01",
                "proofLicenseId", "EL-9999-RFN"));

        assertThat(foreign).isEqualTo(unknown).extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
    }

    @Test
    void shouldAnswerSomeoneElsesChildLikeAStranger() {
        assertThat(userErrors("ywtb-1004", LOSS, Map.of("idempotencyKey", "auth-dep-1", "forPersonId", "ywtb-1013")))
                .isEqualTo(userErrors("ywtb-1004", LOSS, Map.of("idempotencyKey", "auth-dep-2",
                        "forPersonId", "ywtb-9999")))
                .extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
    }

    @Test
    void shouldNotShowAnotherPersonsApplicationThroughTheGuardianPath() {
        as("ywtb-1013").documentName("application").variable("id", "APL-1013-0001").execute().errors().verify()
                .path("application.id").entity(String.class).isEqualTo("APL-1013-0001");
        as("ywtb-1004").documentName("application").variable("id", "APL-1013-0001").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND")))
                .path("application").valueIsNull();
    }

    private List<Map<String, Object>> userErrors(String persona, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = as(persona).document(mutation).variable("input", input).execute();
        response.errors().verify();
        String field = mutation.substring(mutation.indexOf("{") + 1, mutation.indexOf("(input")).strip();
        response.path(field + ".application").valueIsNull();
        return response.path(field + ".userErrors").entityList(
                new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }
}
