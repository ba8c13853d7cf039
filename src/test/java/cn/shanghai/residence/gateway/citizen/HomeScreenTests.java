package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/** The home screen of every persona: one {@code me} query, signed in with a real token. */
class HomeScreenTests extends GatewayIntegrationTests {

    @ParameterizedTest(name = "{0} is at {1}")
    @CsvSource({
            "ywtb-1001, NOT_REGISTERED",
            "ywtb-1002, REGISTRATION_IN_PROGRESS",
            "ywtb-1003, REGISTERED_WAITING",
            "ywtb-1004, ELIGIBLE_FOR_PERMIT",
            "ywtb-1005, PERMIT_IN_PROGRESS",
            "ywtb-1006, PERMIT_IN_PROGRESS",
            "ywtb-1007, PERMIT_IN_PROGRESS",
            "ywtb-1008, ENDORSEMENT_DUE",
            "ywtb-1009, PERMIT_LOST",
            "ywtb-1010, PERMIT_HOLDER",
            "ywtb-1011, NOT_REGISTERED",
            "ywtb-1012, ELIGIBLE_FOR_PERMIT",
            "ywtb-1013, ELIGIBLE_FOR_PERMIT",
            "ywtb-1014, PERMIT_HOLDER",
            "ywtb-1015, PERMIT_IN_PROGRESS",
            "ywtb-1030, NOT_REGISTERED",
            "ywtb-1031, REGISTRATION_IN_PROGRESS",
            "ywtb-1032, ELIGIBLE_FOR_PERMIT",
            "ywtb-1033, PERMIT_IN_PROGRESS",
            "ywtb-1034, PERMIT_IN_PROGRESS",
            "ywtb-1035, PERMIT_IN_PROGRESS"})
    void everyPersonaShouldSeeTheirStage(String persona, String stage) {
        GraphQlTester.Response home = home(persona);

        home.path("me.personId").entity(String.class).isEqualTo(persona);
        home.path("me.journey.stage").entity(String.class).isEqualTo(stage);
        home.path("me.profile.idNumberMasked").entity(String.class)
                .satisfies(masked -> assertThat(masked).matches("\\d{3}\\*{11}[0-9X]{4}"));
    }

    @Test
    void shouldTellAWaitingResidentTheDayTheyMayApply() {
        GraphQlTester.Response home = home("ywtb-1003");

        LocalDate registeredOn = home.path("me.residenceRegistration.registeredOn").entity(LocalDate.class).get();
        LocalDate eligibleFrom = registeredOn.plusMonths(6);
        home.path("me.journey.eligibleFrom").entity(LocalDate.class).isEqualTo(eligibleFrom);
        home.path("me.residenceRegistration.eligibleFrom").entity(LocalDate.class).isEqualTo(eligibleFrom);
        home.path("me.journey.actions[0].code").entity(String.class).isEqualTo("WAIT_FOR_PERMIT_ELIGIBILITY");
        home.path("me.journey.actions[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).startsWith("可于 " + eligibleFrom + " 起申办居住证"));
        home.path("me.journey.actions[0].availableFrom").entity(LocalDate.class).isEqualTo(eligibleFrom);
        home.path("me.journey.blockers[*].code").entityList(String.class).containsExactly("REGISTRATION_TOO_RECENT");
        home.path("me.residencePermit").valueIsNull();
        home.path("me.reminders").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRemindAnEligibleResidentAndOfferThePermit() {
        GraphQlTester.Response home = home("ywtb-1004");

        home.path("me.journey.actions[*].code").entityList(String.class).containsExactly("APPLY_RESIDENCE_PERMIT");
        home.path("me.journey.blockers").entityList(Object.class).hasSize(0);
        home.path("me.reminders[0].kind").entity(String.class).isEqualTo("PERMIT_ELIGIBLE");
        home.path("me.photos[0].compliant").entity(Boolean.class).isEqualTo(true);
        home.path("me.rentalContracts[0].status").entity(String.class).isEqualTo("FILED");
    }

    @Test
    void shouldTrackAPermitSentByPost() {
        GraphQlTester.Response home = home("ywtb-1006");

        home.path("me.applications[0].status").entity(String.class).isEqualTo("SHIPPED");
        home.path("me.applications[0].delivery.method").entity(String.class).isEqualTo("POSTAL");
        home.path("me.applications[0].delivery.trackingNumber").entity(String.class).isEqualTo("1187654321095");
        home.path("me.applications[0].delivery.shipment.status").entity(String.class).isEqualTo("IN_TRANSIT");
        home.path("me.applications[0].delivery.shipment.codAmount").entity(Double.class).isEqualTo(15.0);
        home.path("me.journey.actions[0].code").entity(String.class).isEqualTo("TRACK_DELIVERY");
        home.path("me.reminders[*].kind").entityList(String.class).containsExactly("DELIVERY_UPDATE");
        home.path("me.reminders[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("运输中").contains("15.00"));
    }

    @Test
    void shouldSendAResidentToTheirPickUpCentre() {
        GraphQlTester.Response home = home("ywtb-1007");

        home.path("me.applications[0].delivery.method").entity(String.class).isEqualTo("PICKUP");
        home.path("me.applications[0].delivery.serviceCenter.id").entity(String.class).isEqualTo("SC-310115-01");
        home.path("me.applications[0].delivery.shipment").valueIsNull();
        home.path("me.journey.actions[0].code").entity(String.class).isEqualTo("PICK_UP_PERMIT");
        home.path("me.reminders[*].kind").entityList(String.class).containsExactly("READY_FOR_PICKUP");
    }

    @Test
    void shouldWarnOfTheEndorsementAndTheFailedAutoEndorsement() {
        GraphQlTester.Response home = home("ywtb-1008");

        LocalDate validUntil = home.path("me.residencePermit.validUntil").entity(LocalDate.class).get();
        assertThat(validUntil).isBefore(LocalDate.now(GatewayApplication.SHANGHAI).plusDays(31));
        home.path("me.residencePermit.autoEndorsement.eligible").entity(Boolean.class).isEqualTo(false);
        assertThat(home.path("me.reminders[*].kind").entityList(String.class).get())
                .containsExactlyInAnyOrder("ENDORSEMENT_DUE", "AUTO_ENDORSEMENT_FAILED");
        assertThat(home.path("me.reminders[*].dueOn").entityList(LocalDate.class).get()).containsOnly(validUntil);
        home.path("me.journey.blockers[*].code").entityList(String.class).containsExactly("AUTO_ENDORSEMENT_FAILED");
        home.path("me.journey.actions[0].code").entity(String.class).isEqualTo("RENEW_ENDORSEMENT_OFFLINE");
    }

    @Test
    void shouldOfferToCancelALossReport() {
        GraphQlTester.Response home = home("ywtb-1009");

        home.path("me.residencePermit.status").entity(String.class).isEqualTo("LOST");
        home.path("me.journey.actions[*].code").entityList(String.class).containsExactly("CANCEL_PERMIT_LOSS");
        home.path("me.reminders").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldShowAGuardianTheirMinor() {
        GraphQlTester.Response home = home("ywtb-1010");

        home.path("me.dependents[*].personId").entityList(String.class).containsExactly("ywtb-1013");
        home.path("me.dependents[0].profile.name").entity(String.class).isEqualTo("郑小雨");
        home.path("me.dependents[0].journey.stage").entity(String.class).isEqualTo("ELIGIBLE_FOR_PERMIT");

        GraphQlTester.Response minor = home("ywtb-1013");
        minor.path("me.journey.blockers[*].code").entityList(String.class).contains("GUARDIAN_REQUIRED");
    }

    @Test
    void shouldRefuseAnOfficeAsAResidenceButNotARelativesHomeOrADormitory() {
        GraphQlTester.Response home = home("ywtb-1011");

        home.path("me.properties[*].usage").entityList(String.class).containsExactly("OFFICE");
        home.path("me.properties[0].residential").entity(Boolean.class).isEqualTo(false);
        home.path("me.journey.blockers[*].code").entityList(String.class).contains("NON_RESIDENTIAL_HOUSING");
        home.path("me.journey.actions[*].code").entityList(String.class)
                .containsExactly("APPLY_RESIDENCE_REGISTRATION", "FILE_RENTAL_CONTRACT");
    }

    @Test
    void shouldAskForACompliantPhotoWhenNoneIsOnFile() {
        GraphQlTester.Response home = home("ywtb-1012");

        assertThat(home.path("me.photos[*].compliant").entityList(Boolean.class).get()).isNotEmpty().containsOnly(false);
        home.path("me.photos[0].problems").entityList(String.class).contains("SIZE", "RESOLUTION", "BACKGROUND");
        home.path("me.journey.blockers[*].code").entityList(String.class).containsExactly("PHOTO_NOT_COMPLIANT");
        home.path("me.journey.actions[*].code").entityList(String.class)
                .containsExactly("APPLY_RESIDENCE_PERMIT", "UPLOAD_PERMIT_PHOTO");
    }

    @Test
    void shouldAskAResidentWhoMovedToDeclareTheNewAddress() {
        GraphQlTester.Response home = home("ywtb-1014");

        List<Map<String, Object>> contracts = home.path("me.rentalContracts")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        LocalDate movedOn = contracts.stream().filter(c -> "FILED".equals(c.get("status")))
                .map(c -> LocalDate.parse((String) c.get("startDate"))).max(LocalDate::compareTo).orElseThrow();
        home.path("me.reminders[*].kind").entityList(String.class).containsExactly("ADDRESS_CHANGE_DUE");
        home.path("me.reminders[0].dueOn").entity(LocalDate.class).isEqualTo(movedOn.plusDays(30));
        home.path("me.journey.actions[*].code").entityList(String.class).contains("CHANGE_REGISTRATION_ADDRESS");
    }

    @Test
    void shouldNeverSendAFullIdNumber() {
        String profile = webTestClient.get().uri(stub(Upstream.BDC).baseUrl() + "/bdc/v1/persons/ywtb-1006/profile")
                .exchange().expectBody(String.class).returnResult().getResponseBody();
        String idNumber = profile.replaceAll(".*\"idNumber\"\\s*:\\s*\"([0-9X]{18})\".*", "$1");
        String mobile = profile.replaceAll(".*\"mobile\"\\s*:\\s*\"(1\\d{10})\".*", "$1");
        assertThat(idNumber).hasSize(18);

        String body = postQuery("ywtb-1006", "{ me { profile { idNumberMasked mobileMasked } "
                        + "eLicenses { type number } } }")
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("ID_CARD").contains(idNumber.substring(0, 3) + "***********")
                .doesNotContain(idNumber).doesNotContain(mobile);
    }

    @Test
    void shouldAnswerUnauthenticatedWithoutAToken() {
        graphQlTester.documentName("home").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                    assertThat(error.getPath()).isEqualTo("me");
                }))
                .path("me").valueIsNull();
    }

    @Test
    void shouldRefuseABadTokenWith401() {
        graphQlPost(null)
                .headers(h -> h.setBearerAuth("not.a.jwt"))
                .bodyValue(Map.of("query", "{ me { personId } }"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().isEmpty();
    }

    private GraphQlTester.Response home(String persona) {
        GraphQlTester.Response response = as(persona).documentName("home").execute();
        response.errors().verify();
        return response;
    }
}
