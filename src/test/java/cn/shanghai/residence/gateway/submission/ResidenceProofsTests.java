package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.citizen.CitizenFacts;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.submission.ResidenceProofs.ProofCheck;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.CardAddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipCommitmentInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipRelation;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialKind;
import cn.shanghai.residence.gateway.submission.UserError.Code;

import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The proof of a declared home for each of the five kinds: an e-licence that is the applicant's, VALID, at the
 * declared address and proving residence today, or an uploaded document of the right kind, or a precise refusal.
 */
class ResidenceProofsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Applicant SELF = new Applicant("p-1", "p-1");
    private static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final AddressInput HOME_INPUT = new AddressInput("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final Address ELSEWHERE = new Address("杨浦区", "殷行街道", "开鲁路518弄9号602室");
    private static final KinshipCommitmentInput LETTER = new KinshipCommitmentInput("陈建华", "340102196502170012",
            KinshipRelation.PARENT, true);
    private static final MaterialInput TITLE = new MaterialInput("ATT-1", MaterialKind.PROPERTY_CERTIFICATE);
    private static final MaterialInput FILING = new MaterialInput("ATT-2", MaterialKind.RENTAL_FILING_NOTICE);
    private static final MaterialInput DORMITORY = new MaterialInput("ATT-3", MaterialKind.DORMITORY_CERTIFICATE);
    private static final Map<String, String> OWN_UPLOADS = Map.of("ATT-1", "p-1", "ATT-2", "p-1", "ATT-3", "p-1",
            "ATT-9", "p-someone-else");

    @Test
    void shouldProveAnOwnRentedHomeByTheValidFilingNoticeAtTheDeclaredAddress() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(HOME, RentalContract.Status.FILED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, null, List.of())))
                .isEqualTo(ProofCheck.proven("EL-RFN"));
        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN", List.of())))
                .isEqualTo(ProofCheck.proven("EL-RFN"));
    }

    @Test
    void shouldMatchTheProofsAddressWrittenInFullWidthDigits() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(new Address("徐汇区", "漕河泾街道", "漕宝路８８弄３号１００１室"),
                RentalContract.Status.FILED, "EL-RFN")), List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN", List.of())).licenseId())
                .contains("EL-RFN");
    }

    @Test
    void shouldRefuseARevokedLicenceOfATerminatedContractOffered() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(HOME, RentalContract.Status.TERMINATED, "EL-RFN-1")),
                List.of(licence("EL-RFN-1", ELicense.Status.REVOKED)));

        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN-1", List.of())).refusals())
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.PROOF_NOT_VALID, List.of("input", "proofLicenseId")));
    }

    @Test
    void shouldRefuseAValidLicenceWhoseContractNoLongerProvesResidence() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(HOME, RentalContract.Status.EXPIRED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN", List.of())).refusals())
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.NO_RESIDENCE_PROOF, List.of("input", "proofLicenseId")));
    }

    @Test
    void shouldRefuseAnOfferedLicenceTheHousingAuthorityHasNoHomeFor() {
        SubmissionFacts facts = facts(List.of(), List.of(), List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(codes(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN", List.of()))))
                .containsExactly(Code.NO_RESIDENCE_PROOF);
    }

    @Test
    void shouldRefuseAProofOfAnotherAddressOfferedOrOnFile() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(ELSEWHERE, RentalContract.Status.FILED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, "EL-RFN", List.of())).refusals())
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.PROOF_ADDRESS_MISMATCH, List.of("input", "proofLicenseId")));
        assertThat(check(facts, declaration(ResidenceType.RENTED_HOUSING, null, List.of())).refusals())
                .as("nothing offered: a home elsewhere is no mismatch, the new one needs its proof")
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.NO_RESIDENCE_PROOF, List.of("input", "materials")));
    }

    @Test
    void shouldTellAnOwnerWhoseTitleIsNotOnThePlatformToUploadItNotToFileALease() {
        Property untitled = new Property("沪（2020）徐字不动产权第000001号", HOME, Property.Usage.RESIDENTIAL, null);

        assertThat(check(facts(List.of(untitled), List.of(), List.of()), declaration(ResidenceType.OWN_PROPERTY, null,
                List.of())).refusals()).singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.NO_RESIDENCE_PROOF);
                    assertThat(zh(refusal.message())).contains("上传房屋产权证明").doesNotContain("网签备案");
                });
        assertThat(check(facts(List.of(untitled), List.of(), List.of()), declaration(ResidenceType.OWN_PROPERTY, null,
                List.of(TITLE)))).isEqualTo(ProofCheck.byMaterials());
    }

    @Test
    void shouldCallAPendingFilingUnprovenNotAShop() {
        SubmissionFacts pending = facts(List.of(), List.of(contract(HOME, RentalContract.Status.PENDING_FILING, null)),
                List.of());

        assertThat(check(pending, declaration(ResidenceType.RENTED_HOUSING, null, List.of())).refusals())
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.NO_RESIDENCE_PROOF);
                    assertThat(zh(refusal.message())).contains("网签备案");
                });
    }

    @Test
    void shouldNotTakeAFiledContractWhoseLicenceWasRevoked() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(HOME, RentalContract.Status.FILED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.REVOKED)));

        assertThat(codes(check(facts, declaration(ResidenceType.RENTED_HOUSING, null, List.of()))))
                .containsExactly(Code.NO_RESIDENCE_PROOF);
    }

    @Test
    void shouldRefuseAnOfficeAtTheDeclaredAddressEvenWithAnUploadedTitle() {
        Property office = new Property("沪（2019）黄字不动产权第004127号", HOME, Property.Usage.OFFICE, "EL-PC");
        SubmissionFacts facts = facts(List.of(office), List.of(), List.of(licence("EL-PC", ELicense.Status.VALID)));

        assertThat(codes(check(facts, declaration(ResidenceType.OWN_PROPERTY, null, List.of(TITLE)))))
                .containsExactly(Code.NON_RESIDENTIAL_HOUSING);
        assertThat(codes(check(facts, declaration(ResidenceType.OWN_PROPERTY, "EL-PC", List.of()))))
                .containsExactly(Code.NON_RESIDENTIAL_HOUSING);
    }

    @Test
    void shouldRefuseARelativesHomeWithOnlyTheKinshipLetter() {
        assertThat(check(facts(List.of(), List.of(), List.of()), declaration(ResidenceType.RELATIVE_PROPERTY, null,
                List.of())).refusals()).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.RELATIVE_HOME_PROOF_REQUIRED, List.of("input", "materials")));
    }

    @Test
    void shouldProveARelativesHomeByTheRelativesUploadedTitleOrFiledContract() {
        SubmissionFacts nothingOnFile = facts(List.of(), List.of(), List.of());

        assertThat(check(nothingOnFile, declaration(ResidenceType.RELATIVE_PROPERTY, null, List.of(TITLE))))
                .isEqualTo(ProofCheck.byMaterials());
        assertThat(check(nothingOnFile, declaration(ResidenceType.RELATIVE_RENTED_HOUSING, null, List.of(FILING))))
                .isEqualTo(ProofCheck.byMaterials());
    }

    @Test
    void shouldProveARelativesHomeByAFiledContractThatListsTheApplicant() {
        SubmissionFacts listed = facts(List.of(), List.of(contract(HOME, RentalContract.Status.FILED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.VALID)));

        assertThat(check(listed, declaration(ResidenceType.RELATIVE_RENTED_HOUSING, null, List.of())))
                .isEqualTo(ProofCheck.proven("EL-RFN"));
    }

    @Test
    void shouldRefuseSomeoneElsesOrAnUnknownUploadAndTheWrongKindOfDocument() {
        SubmissionFacts facts = facts(List.of(), List.of(), List.of());
        MaterialInput foreign = new MaterialInput("ATT-9", MaterialKind.PROPERTY_CERTIFICATE);
        MaterialInput unknown = new MaterialInput("ATT-404", MaterialKind.PROPERTY_CERTIFICATE);

        assertThat(check(facts, declaration(ResidenceType.RELATIVE_PROPERTY, null, List.of(TITLE, foreign, unknown,
                FILING))).refusals()).extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.NOT_FOUND, List.of("input", "materials", "1", "attachmentId")),
                        tuple(Code.NOT_FOUND, List.of("input", "materials", "2", "attachmentId")),
                        tuple(Code.INVALID_INPUT, List.of("input", "materials", "3", "kind")));
    }

    @Test
    void shouldProveADormitoryByTheUploadedCertificateOnly() {
        SubmissionFacts facts = facts(List.of(), List.of(), List.of());

        assertThat(check(facts, declaration(ResidenceType.COLLECTIVE_DORMITORY, null, List.of(DORMITORY))))
                .isEqualTo(ProofCheck.byMaterials());
        assertThat(check(facts, declaration(ResidenceType.COLLECTIVE_DORMITORY, null, List.of())).refusals())
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.DORMITORY_CERTIFICATE_REQUIRED, List.of("input", "materials")));
        assertThat(codes(check(facts, declaration(ResidenceType.COLLECTIVE_DORMITORY, null, List.of(TITLE)))))
                .containsExactly(Code.INVALID_INPUT);
    }

    @Test
    void shouldProveAnOwnHomeWithoutAnELicenceByAnUploadedProof() {
        assertThat(check(facts(List.of(), List.of(), List.of()), declaration(ResidenceType.OWN_PROPERTY, null,
                List.of(TITLE)))).isEqualTo(ProofCheck.byMaterials());
        assertThat(codes(check(facts(List.of(), List.of(), List.of()), declaration(ResidenceType.OWN_PROPERTY, null,
                List.of())))).containsExactly(Code.NO_RESIDENCE_PROOF);
    }

    @Test
    void shouldPlaceACardAddressesRefusalsUnderCardAddress() {
        SubmissionFacts facts = facts(List.of(), List.of(contract(HOME, RentalContract.Status.FILED, "EL-RFN")),
                List.of(licence("EL-RFN", ELicense.Status.REVOKED)));
        CardAddressInput card = new CardAddressInput(HOME_INPUT, ResidenceType.RENTED_HOUSING, TODAY, "EL-RFN", null,
                null, List.of(new MaterialInput("ATT-9", MaterialKind.RENTAL_FILING_NOTICE)));

        assertThat(ResidenceProofs.check(facts, SELF, card, "cardAddress").refusals())
                .extracting(UserError::field)
                .containsExactly(List.of("input", "cardAddress", "materials", "0", "attachmentId"));
        CardAddressInput offered = new CardAddressInput(HOME_INPUT, ResidenceType.RENTED_HOUSING, TODAY, "EL-RFN",
                null, null, null);
        assertThat(ResidenceProofs.check(facts, SELF, offered, "cardAddress").refusals())
                .extracting(UserError::field)
                .containsExactly(List.of("input", "cardAddress", "proofLicenseId"));
    }

    private static ProofCheck check(SubmissionFacts facts, CardAddressInput declaration) {
        return ResidenceProofs.check(facts, SELF, declaration);
    }

    private static List<Code> codes(ProofCheck check) {
        return check.refusals().stream().map(UserError::code).toList();
    }

    private static CardAddressInput declaration(ResidenceType type, String proofLicenseId,
            List<MaterialInput> materials) {
        return new CardAddressInput(HOME_INPUT, type, TODAY.minusDays(10), proofLicenseId,
                type.relativesHome() ? LETTER : null, null, materials);
    }

    private static SubmissionFacts facts(List<Property> properties, List<RentalContract> contracts,
            List<ELicense> licences) {
        CitizenFacts person = new CitizenFacts(TODAY, null, null, List.of(), properties, contracts, List.of(), null,
                Map.of());
        return new SubmissionFacts(person, OffsetDateTime.of(TODAY.atTime(10, 0), ZoneOffset.ofHours(8)), licences,
                "申请人", null, List.of(), OWN_UPLOADS);
    }

    private static RentalContract contract(Address address, RentalContract.Status status, String licenseId) {
        return new RentalContract("HT1", "BA1", address, Property.Usage.RESIDENTIAL, TODAY.minusMonths(3),
                TODAY.plusMonths(9), status, licenseId);
    }

    private static ELicense licence(String licenseId, ELicense.Status status) {
        ELicense.Type type = licenseId.startsWith("EL-PC") ? ELicense.Type.PROPERTY_CERTIFICATE
                : ELicense.Type.RENTAL_FILING_NOTICE;
        return new ELicense(licenseId, type, "NO-" + licenseId, "上海市房屋管理局", TODAY.minusYears(1), null, status);
    }
}
