package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What approved applications change in the agencies' records, in the contract's shapes. */
class RecordsTests {

    private static final Instant MONDAY = LocalDateTime.of(2026, 11, 30, 10, 0).atZone(SandboxClock.SHANGHAI).toInstant();
    private static final Instant LATER = MONDAY.plusSeconds(90L * 24 * 3600);
    private static final Map<String, Object> HOME = Map.of("district", "闵行区", "street", "莘庄镇", "detail", "莘松路380弄12号502室");

    private static Submission s(String id, String kind, Instant at, Map<String, Object> payload) {
        return new Submission(id, "ywtb-1001", kind, id, at, payload, Outcome.NORMAL);
    }

    @Test
    void shouldCreateTheRegistrationAndItsCertificateOnApproval() {
        List<Submission> mine = List.of(s("APL-1", "RESIDENCE_REGISTRATION", MONDAY,
                Map.of("address", HOME, "residenceType", "RENTED_HOUSING")));

        assertThat(Records.registration(mine, null, MONDAY)).isNull();
        Map<String, Object> registration = Records.registration(mine, null, LATER);
        assertThat(registration).containsEntry("status", "ACTIVE").containsEntry("registeredOn", "2026-12-01")
                .containsEntry("residenceType", "RENTED_HOUSING").containsEntry("certificateLicenseId", "EL-APL-1-RRC")
                .containsEntry("address", HOME);
        assertThat((String) registration.get("registrationNo")).matches("JZDJ31\\d{11}");
        assertThat(Records.licences(mine, LATER)).singleElement().satisfies(licence -> assertThat(licence)
                .containsEntry("type", "RESIDENCE_REGISTRATION_CERTIFICATE").containsEntry("issuer", "上海市公安局闵行分局")
                .containsEntry("validUntil", null));
    }

    @Test
    void shouldLoseAndFindAStaticPermitAndChangeItsPhoto() {
        Map<String, Object> fromFiles = Map.of("permitNo", "JZZ1", "status", "VALID", "photoId", "PH-1");
        List<Submission> mine = List.of(
                s("APL-1", "PERMIT_LOSS_REPORT", MONDAY, Map.of()),
                s("APL-2", "PERMIT_LOSS_CANCEL", MONDAY.plusSeconds(7200), Map.of()),
                s("APL-3", "PERMIT_PHOTO_CHANGE", MONDAY.plusSeconds(14400), Map.of("photoId", "PH-2")));

        assertThat(Records.permit(mine, fromFiles, MONDAY.plusSeconds(3600))).containsEntry("status", "LOST");
        assertThat(Records.permitStatusSet(mine, MONDAY.plusSeconds(3600))).isEqualTo("LOST");
        assertThat(Records.permit(mine, fromFiles, LATER)).containsEntry("status", "VALID").containsEntry("photoId", "PH-2")
                .containsEntry("permitNo", "JZZ1");
        assertThat(Records.permit(mine, null, LATER)).as("no permit to lose").isNull();
    }

    @Test
    void shouldShowTheParcelOnceShippedWithCashOnDelivery() {
        Submission permit = s("APL-9", "RESIDENCE_PERMIT_NEW", MONDAY,
                Map.of("photoId", "PH-1001-01", "delivery", Map.of("method", "POSTAL", "address", HOME)));

        assertThat(Records.shipment(permit, MONDAY)).isNull();
        Map<String, Object> shipment = Records.shipment(permit, LATER);
        assertThat(shipment).containsEntry("status", "DELIVERED").containsEntry("codAmountFen", 1500)
                .containsEntry("trackingNo", Records.trackingNo(permit));
        assertThat(Records.trackingNo(permit)).matches("\\d{13}");
        Map<String, Object> application = Records.application(permit, LATER);
        assertThat(application).containsEntry("status", "DELIVERED").containsEntry("issuedLicenseId", "EL-APL-9-RP");
        assertThat(application.get("delivery").toString()).contains("trackingNo=" + Records.trackingNo(permit));
        assertThat(Records.open(permit, LATER)).isFalse();
        assertThat(Records.open(permit, MONDAY)).isTrue();
    }

    @Test
    void shouldMoveTheRegistrationByApprovedAddressChangesInTheOrderPoliceApprovedThem() {
        Map<String, Object> moved = Map.of("district", "杨浦区", "street", "殷行街道", "detail", "开鲁路518弄9号602室");
        Map<String, Object> fromFiles = Map.of("registrationNo", "JZDJ1", "status", "ACTIVE", "address", HOME,
                "residenceType", "RENTED_HOUSING");
        List<Submission> mine = List.of(
                s("APL-2", "REGISTRATION_ADDRESS_CHANGE", MONDAY.plusSeconds(7 * 24 * 3600),
                        Map.of("newAddress", HOME, "residenceType", "RELATIVE_PROPERTY")),
                s("APL-1", "REGISTRATION_ADDRESS_CHANGE", MONDAY,
                        Map.of("address", moved, "residenceType", "OWN_PROPERTY")));

        assertThat(Records.registration(mine, fromFiles, LATER)).as("the later approval is the one that stands")
                .containsEntry("address", HOME).containsEntry("residenceType", "RELATIVE_PROPERTY")
                .containsEntry("registrationNo", "JZDJ1");
        assertThat(Records.registration(mine, fromFiles, MONDAY.plusSeconds(3 * 24 * 3600)))
                .containsEntry("address", moved).containsEntry("residenceType", "OWN_PROPERTY");
        assertThat(Records.registration(mine, null, LATER)).as("nothing to move").isNull();
    }

    @Test
    void shouldIssueANewPermitAndItsLicenceWithNumbersOfTheirOwn() {
        Submission pickup = s("APL-5", "RESIDENCE_PERMIT_NEW", MONDAY, Map.of("photoId", "PH-1001-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310112-01")));
        Submission other = s("APL-6", "RESIDENCE_PERMIT_NEW", MONDAY, Map.of("photoId", "PH-1001-01",
                "delivery", Map.of("method", "PICKUP", "serviceCenterId", "SC-310112-01")));

        Map<String, Object> permit = Records.permit(List.of(pickup), null, LATER);
        assertThat(permit).containsEntry("status", "VALID").containsEntry("photoId", "PH-1001-01");
        assertThat((String) permit.get("permitNo")).matches("JZZ31\\d{11}");
        assertThat(Records.permit(List.of(other), null, LATER).get("permitNo")).isNotEqualTo(permit.get("permitNo"));
        assertThat(Records.trackingNo(other)).isNotEqualTo(Records.trackingNo(pickup));
        assertThat(Records.licences(List.of(pickup), LATER)).singleElement().satisfies(licence -> assertThat(licence)
                .containsEntry("type", "RESIDENCE_PERMIT").containsEntry("issuer", "上海市公安局")
                .containsEntry("number", permit.get("permitNo")).isNotNull()
                .containsEntry("validUntil", java.time.LocalDate.parse((String) permit.get("issuedOn")).plusYears(1)
                        .toString()));
        Map<String, Object> application = Records.application(pickup, MONDAY);
        assertThat(application).containsEntry("applicationId", "APL-5").containsEntry("personId", "ywtb-1001")
                .containsEntry("submittedAt", "2026-11-30T02:00:00Z").containsEntry("issuedLicenseId", null);
        assertThat(application.get("delivery")).isEqualTo(deliveryOf("PICKUP", "SC-310112-01", null));
        assertThat(Records.application(s("APL-7", "PERMIT_LOSS_REPORT", MONDAY, Map.of()), MONDAY).get("delivery"))
                .isNull();
    }

    @Test
    void shouldGiveNoDeliveryDateForALostParcel() {
        Submission lost = new Submission("APL-8", "ywtb-1001", "RESIDENCE_PERMIT_NEW", "APL-8", MONDAY,
                Map.of("delivery", Map.of("method", "POSTAL", "address", HOME)), Outcome.PARCEL_EXCEPTION);
        Submission normal = s("APL-9", "RESIDENCE_PERMIT_NEW", MONDAY,
                Map.of("delivery", Map.of("method", "POSTAL", "address", HOME)));
        Instant shippedOnly = Progression.plan(normal).parcelBy(LATER).get(0).at().plusSeconds(60);

        assertThat(Records.shipment(lost, LATER)).containsEntry("status", "EXCEPTION")
                .containsEntry("estimatedDelivery", null);
        assertThat(Records.shipment(normal, shippedOnly).get("estimatedDelivery")).isNotNull();
    }

    private static Map<String, Object> deliveryOf(String method, String centre, String trackingNo) {
        Map<String, Object> delivery = new java.util.LinkedHashMap<>();
        delivery.put("method", method);
        delivery.put("serviceCenterId", centre);
        delivery.put("trackingNo", trackingNo);
        return delivery;
    }

    @Test
    void shouldWriteNullsThatTheContractRequires() {
        java.util.Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("validUntil", null);
        value.put("note", "a \"quoted\"\nline");
        value.put("list", List.of(1, true));
        assertThat(JsonText.write(value)).isEqualTo("{\"validUntil\":null,\"note\":\"a \\\"quoted\\\"\\nline\",\"list\":[1,true]}");
    }
}
