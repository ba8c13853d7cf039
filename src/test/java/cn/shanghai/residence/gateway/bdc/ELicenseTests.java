package cn.shanghai.residence.gateway.bdc;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which licences the gateway offers: every one but a residence permit that is no longer valid. */
class ELicenseTests {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "RESIDENCE_PERMIT, VALID, true",
            "RESIDENCE_PERMIT, EXPIRED, false",
            "RESIDENCE_PERMIT, REVOKED, false",
            "RESIDENCE_REGISTRATION_CERTIFICATE, EXPIRED, true",
            "RENTAL_FILING_NOTICE, REVOKED, true",
            "PROPERTY_CERTIFICATE, VALID, true",
            "ID_CARD, EXPIRED, true"})
    void shouldNotOfferTheHistoryOfLapsedPermits(ELicense.Type type, ELicense.Status status, boolean offered) {
        ELicense license = new ELicense("EL-1", type, "N1", "上海市公安局", LocalDate.of(2025, 1, 1), null, status);

        assertThat(license.offered()).isEqualTo(offered);
    }
}
