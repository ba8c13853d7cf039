package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.reference.Address;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's homes: which prove residence on a day, which stand at an address, which an e-licence belongs to. */
class HousingRecordsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final Address OFFICE_ADDRESS = new Address("黄浦区", "外滩街道", "延安东路222号1508室");
    private static final Property OFFICE = new Property("沪（2019）黄字不动产权第004127号", OFFICE_ADDRESS,
            Property.Usage.OFFICE, "EL-PC");
    private static final RentalContract FILED = contract(RentalContract.Status.FILED, "EL-RFN");
    private static final RentalContract PENDING = contract(RentalContract.Status.PENDING_FILING, null);

    @Test
    void shouldProveResidenceByAResidentialHomeInForceOnly() {
        assertThat(new HousingRecords(List.of(OFFICE), List.of(FILED)).provesResidenceOn(TODAY)).isTrue();
        assertThat(new HousingRecords(List.of(OFFICE), List.of(PENDING)).provesResidenceOn(TODAY)).isFalse();
    }

    @Test
    void shouldCallHousingOnlyNonResidentialWhenAnOfficeIsAllThatCouldProveIt() {
        assertThat(new HousingRecords(List.of(OFFICE), List.of()).onlyNonResidentialOn(TODAY)).isTrue();
        assertThat(new HousingRecords(List.of(OFFICE), List.of(FILED)).onlyNonResidentialOn(TODAY)).isFalse();
        assertThat(new HousingRecords(List.of(), List.of(PENDING)).onlyNonResidentialOn(TODAY)).isFalse();
        assertThat(new HousingRecords(List.of(), List.of()).onlyNonResidentialOn(TODAY)).isFalse();
    }

    @Test
    void shouldNotCallAHomeOfUnknownUseNonResidential() {
        RentalContract unknownUse = new RentalContract("HT2", "BA2", HOME, null, TODAY.minusMonths(3),
                TODAY.plusMonths(9), RentalContract.Status.FILED, "EL-RFN-2");
        Property unknownProperty = new Property("沪（2020）徐字不动产权第000001号", HOME, null, "EL-PC-2");

        assertThat(unknownUse.nonResidential()).isFalse();
        assertThat(unknownUse.provesResidenceOn(TODAY)).isFalse();
        assertThat(unknownProperty.nonResidential()).isFalse();
        assertThat(unknownProperty.provesResidenceOn(TODAY)).isFalse();
        assertThat(OFFICE.nonResidential()).isTrue();
        assertThat(FILED.nonResidential()).isFalse();
        assertThat(new HousingRecords(List.of(unknownProperty), List.of(unknownUse)).onlyNonResidentialOn(TODAY))
                .isFalse();
    }

    @Test
    void shouldFindTheHomesAtAnAddressAndTheHomeOfAnELicence() {
        HousingRecords records = new HousingRecords(List.of(OFFICE), List.of(FILED, PENDING));

        assertThat(records.homesAt(new Address("徐汇区", "漕河泾街道", "漕宝路 88弄3号1001室")))
                .containsExactly(FILED, PENDING);
        assertThat(records.homesAt(new Address("闵行区", "莘庄镇", "1号"))).isEmpty();
        assertThat(records.home("EL-PC")).contains(OFFICE);
        assertThat(records.home("EL-RFN")).contains(FILED);
        assertThat(records.home("EL-NONE")).isEmpty();
        assertThat(records.homes()).containsExactly(OFFICE, FILED, PENDING);
    }

    @Test
    void shouldBeEmptyOnlyWithoutPropertiesAndContracts() {
        assertThat(new HousingRecords(List.of(), List.of()).isEmpty()).isTrue();
        assertThat(new HousingRecords(List.of(OFFICE), List.of()).isEmpty()).isFalse();
        assertThat(new HousingRecords(List.of(), List.of(PENDING)).isEmpty()).isFalse();
    }

    private static RentalContract contract(RentalContract.Status status, String licenseId) {
        return new RentalContract("HT1", "BA1", HOME, Property.Usage.RESIDENTIAL, TODAY.minusMonths(3),
                TODAY.plusMonths(9), status, licenseId);
    }
}
