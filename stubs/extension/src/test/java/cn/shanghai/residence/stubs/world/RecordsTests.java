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
    void shouldWriteNullsThatTheContractRequires() {
        java.util.Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("validUntil", null);
        value.put("note", "a \"quoted\"\nline");
        value.put("list", List.of(1, true));
        assertThat(JsonText.write(value)).isEqualTo("{\"validUntil\":null,\"note\":\"a \\\"quoted\\\"\\nline\",\"list\":[1,true]}");
    }
}
