package cn.shanghai.residence.gateway.live;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The registration the live tests watch: a rented home, filed now, which the living sandbox moves to review in two hours. */
final class RentedHomeRegistration {

    private RentedHomeRegistration() {
    }

    /** Files it through GraphQL as the tester's persona; the new application's id. */
    static String file(HttpGraphQlTester persona, LocalDate today, String idempotencyKey) {
        return persona.document("mutation($input: ResidenceRegistrationInput!) { submitResidenceRegistration("
                        + "input: $input) { application { id } userErrors { code } } }")
                .variable("input", Map.of("idempotencyKey", idempotencyKey, "address", Map.of("district", "闵行区",
                                "street", "莘庄镇", "detail", "莘松路380弄12号502室"),
                        "residenceType", "RENTED_HOUSING", "moveInDate", today.minusDays(10).toString(),
                        "mobile", "13956021874"))
                .execute().path("submitResidenceRegistration.application.id").entity(String.class).get();
    }
}
