package cn.shanghai.residence.gateway.citizen;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code application(id)}: one's own and one's dependents' only; anyone else's is indistinguishable from none. */
class ApplicationQueryTests extends GatewayIntegrationTests {

    @Test
    void shouldReturnOnesOwnApplicationWithTracking() {
        as("ywtb-1006").documentName("application").variable("id", "APL-1006-0001").execute()
                .errors().verify()
                .path("application.id").entity(String.class).isEqualTo("APL-1006-0001")
                .path("application.delivery.shipment.status").entity(String.class).isEqualTo("IN_TRANSIT")
                .path("application.issuedLicense.type").entity(String.class).isEqualTo("RESIDENCE_PERMIT")
                .path("application.timeline[0].status").entity(String.class).isEqualTo("SUBMITTED");
    }

    @Test
    void shouldTrackOneApplicationsParcelByItsOwnNumberWithoutReadingTheWholeList() {
        resetJournals();

        as("ywtb-1006").documentName("application").variable("id", "APL-1006-0001").execute().errors().verify()
                .path("application.delivery.shipment.status").entity(String.class).isEqualTo("IN_TRANSIT");

        assertThat(requestsTo(Upstream.POLICE, "GET", "/applications/APL-1006-0001")).isEqualTo(1);
        assertThat(requestsTo(Upstream.POLICE, "GET", "/persons/ywtb-1006/applications")).as("the list").isZero();
        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).isEqualTo(1);
        assertThat(stub(Upstream.POSTAL).getAllServeEvents().get(0).getRequest().getUrl())
                .endsWith("trackingNo=1187654321095");
    }

    @Test
    void shouldLetAGuardianReadTheMinorsApplication() {
        as("ywtb-1010").documentName("application").variable("id", "APL-1013-0001").execute()
                .errors().verify()
                .path("application.kind").entity(String.class).isEqualTo("RESIDENCE_REGISTRATION")
                .path("application.issuedLicense.id").entity(String.class).isEqualTo("EL-1013-RRC");
    }

    @Test
    void shouldAnswerAForeignApplicationExactlyLikeAnUnknownOne() {
        List<ResponseError> foreign = errorsOf("ywtb-1004", "APL-1006-0001");
        List<ResponseError> unknown = errorsOf("ywtb-1004", "APL-9999-0001");
        List<ResponseError> minorReadingGuardian = errorsOf("ywtb-1013", "APL-1006-0001");

        assertThat(foreign).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getPath()).isEqualTo("application");
        });
        assertThat(describe(foreign)).isEqualTo(describe(unknown)).isEqualTo(describe(minorReadingGuardian));
    }

    @Test
    void shouldRefuseAMalformedIdWithoutCallingPolice() {
        resetJournals();

        assertThat(errorsOf("ywtb-1006", "../persons/ywtb-1004")).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        assertThat(requestsTo(Upstream.POLICE, "GET", "/.*")).isZero();
    }

    @Test
    void shouldNeedSignIn() {
        graphQlTester.documentName("application").variable("id", "APL-1006-0001").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")))
                .path("application").valueIsNull();
    }

    private List<ResponseError> errorsOf(String persona, String id) {
        List<ResponseError>[] errors = new List[1];
        as(persona).documentName("application").variable("id", id).execute()
                .errors().satisfy(list -> errors[0] = list)
                .path("application").valueIsNull();
        return errors[0];
    }

    private static String describe(List<ResponseError> errors) {
        return errors.stream().map(e -> e.getMessage() + e.getExtensions() + e.getPath()).toList().toString();
    }
}
