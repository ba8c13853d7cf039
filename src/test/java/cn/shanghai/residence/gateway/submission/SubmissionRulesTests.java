package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.bdc.BdcServiceCenter;
import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.citizen.CitizenFacts;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Application.DeliveryMethod;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressChangeInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DormitoryCertificateInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipCommitmentInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipRelation;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialKind;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidencePermitInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceRegistrationInput;
import cn.shanghai.residence.gateway.submission.UserError.Code;

import static cn.shanghai.residence.gateway.i18n.Rendered.en;
import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;

/** The submission rules as pure functions: every refusal code, on the edge dates the personas do not reach. */
class SubmissionRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final AddressInput HOME_INPUT = new AddressInput("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    private static final Applicant SELF = new Applicant("p-1", "p-1");
    private static final Applicant GUARDIAN = new Applicant("p-guardian", "p-1");
    private static final Photo COMPLIANT = new Photo("PH-1", Photo.Source.ID_CARD, TODAY.minusYears(1), 358, 441, 350,
            Photo.Background.WHITE, Photo.Status.USABLE);
    private static final Photo BLUE = new Photo("PH-2", Photo.Source.UPLOAD, TODAY.minusYears(1), 358, 441, 350,
            Photo.Background.BLUE, Photo.Status.USABLE);
    private static final RentalContract FILED = new RentalContract("HT1", "BA1", HOME, Property.Usage.RESIDENTIAL,
            TODAY.minusMonths(3), TODAY.plusMonths(9), RentalContract.Status.FILED, "EL-RFN");
    private static final Property OFFICE = new Property("沪（2019）黄字不动产权第004127号", HOME, Property.Usage.OFFICE,
            "EL-PC-OFFICE");
    private static final BdcServiceCenter PICKUP = new BdcServiceCenter("SC-1", "中心", "徐汇区", "地址", null, null,
            null, true);
    private static final BdcServiceCenter NO_PICKUP = new BdcServiceCenter("SC-2", "中心", "徐汇区", "地址", null, null,
            null, false);

    @Test
    void shouldLetAPermitBeAppliedForOnTheDaySixMonthsAreFullNotTheDayBefore() {
        ResidenceRegistration registered = registration(LocalDate.of(2026, 5, 29));

        assertThat(codes(permit(facts(TODAY, registered, null), SELF, "PH-1", DeliveryMethod.POSTAL,
                null))).isEmpty();
        assertThat(permit(facts(TODAY.minusDays(1), registered, null), SELF, "PH-1",
                DeliveryMethod.POSTAL, null)).singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.REGISTRATION_TOO_RECENT);
                    assertThat(zh(refusal.message())).contains("2026-11-29");
                });
    }

    @Test
    void shouldCountSixMonthsFromTheThirtyFirstOfAugustToTheLastDayOfFebruary() {
        ResidenceRegistration registered = registration(LocalDate.of(2026, 8, 31));

        assertThat(codes(permit(facts(LocalDate.of(2027, 2, 27), registered, null), SELF, "PH-1",
                DeliveryMethod.POSTAL, null))).containsExactly(Code.REGISTRATION_TOO_RECENT);
        assertThat(codes(permit(facts(LocalDate.of(2027, 2, 28), registered, null), SELF, "PH-1",
                DeliveryMethod.POSTAL, null))).isEmpty();
    }

    @Test
    void shouldRefuseAPermitWithoutRegistrationOrWithAValidOneWithItsOwnCodes() {
        assertThat(codes(permit(facts(TODAY, null, null), SELF, "PH-1", DeliveryMethod.POSTAL, null)))
                .containsExactly(Code.NOT_REGISTERED);
        ResidenceRegistration cancelled = new ResidenceRegistration("JZDJ", ResidenceRegistration.Status.CANCELLED,
                TODAY.minusYears(2), HOME, ResidenceType.RENTED_HOUSING, null);
        assertThat(codes(permit(facts(TODAY, cancelled, null), SELF, "PH-1", DeliveryMethod.POSTAL,
                null))).containsExactly(Code.NOT_REGISTERED);
        assertThat(codes(permit(facts(TODAY, registration(TODAY.minusYears(1)),
                permit(ResidencePermit.Status.VALID)), SELF, "PH-1", DeliveryMethod.POSTAL, null)))
                .containsExactly(Code.PERMIT_ALREADY_VALID);
        assertThat(codes(permit(facts(TODAY, registration(TODAY.minusYears(1)),
                permit(ResidencePermit.Status.EXPIRED)), SELF, "PH-1", DeliveryMethod.POSTAL, null))).isEmpty();
    }

    @Test
    void shouldRefuseAPhotoThatIsNotTheirsOrBreaksTheRules() {
        SubmissionFacts eligible = facts(TODAY, registration(TODAY.minusYears(1)), null);

        assertThat(permit(eligible, SELF, "PH-9", DeliveryMethod.POSTAL, null)).singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.NOT_FOUND);
                    assertThat(refusal.field()).containsExactly("input", "photoId");
                });
        assertThat(permit(eligible, SELF, "PH-2", DeliveryMethod.POSTAL, null)).singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.PHOTO_NOT_COMPLIANT);
                    assertThat(en(refusal.message())).endsWith("it breaks BACKGROUND");
                });
    }

    @Test
    void shouldOnlyHandACardOutWhereTheCentreHandsPermitsOut() {
        SubmissionFacts eligible = facts(TODAY, registration(TODAY.minusYears(1)), null);

        assertThat(codes(permit(eligible, SELF, "PH-1", DeliveryMethod.PICKUP, "SC-1"))).isEmpty();
        assertThat(codes(permit(eligible, SELF, "PH-1", DeliveryMethod.PICKUP, "SC-2")))
                .containsExactly(Code.SERVICE_CENTER_UNAVAILABLE);
        assertThat(codes(permit(eligible, SELF, "PH-1", DeliveryMethod.PICKUP, "SC-9")))
                .containsExactly(Code.SERVICE_CENTER_UNAVAILABLE);
    }

    @Test
    void shouldSendAnApplicantUnderSixteenToTheirGuardianUntilTheBirthday() {
        LocalDate born = TODAY.minusYears(16);
        SubmissionFacts sixteenToday = facts(TODAY, registration(TODAY.minusYears(1)), null, born);
        SubmissionFacts sixteenTomorrow = facts(TODAY, registration(TODAY.minusYears(1)), null, born.plusDays(1));

        assertThat(codes(SubmissionRules.lossReport(sixteenToday, SELF))).containsExactly(Code.PERMIT_REQUIRED);
        assertThat(codes(SubmissionRules.lossReport(sixteenTomorrow, SELF)))
                .containsExactly(Code.GUARDIAN_REQUIRED, Code.PERMIT_REQUIRED);
        assertThat(codes(SubmissionRules.lossReport(sixteenTomorrow, GUARDIAN))).containsExactly(Code.PERMIT_REQUIRED);
    }

    @Test
    void shouldReportAndCancelALossOnlyFromTheRightState() {
        SubmissionFacts valid = facts(TODAY, registration(TODAY.minusYears(1)), permit(ResidencePermit.Status.VALID));
        SubmissionFacts lost = facts(TODAY, registration(TODAY.minusYears(1)), permit(ResidencePermit.Status.LOST));
        SubmissionFacts none = facts(TODAY, registration(TODAY.minusYears(1)), null);

        assertThat(codes(SubmissionRules.lossReport(valid, SELF))).isEmpty();
        assertThat(codes(SubmissionRules.lossReport(lost, SELF))).containsExactly(Code.PERMIT_ALREADY_LOST);
        assertThat(codes(SubmissionRules.lossReport(none, SELF))).containsExactly(Code.PERMIT_REQUIRED);
        assertThat(codes(SubmissionRules.lossCancel(lost, SELF))).isEmpty();
        assertThat(codes(SubmissionRules.lossCancel(valid, SELF))).containsExactly(Code.PERMIT_NOT_LOST);
        assertThat(codes(SubmissionRules.lossCancel(none, SELF))).containsExactly(Code.PERMIT_REQUIRED);
    }

    @Test
    void shouldChooseAPhotoForAValidPermitOrAheadOfAFirstApplicationButNotUnregistered() {
        assertThat(codes(SubmissionRules.photoChoice(facts(TODAY, null, permit(ResidencePermit.Status.VALID)), SELF,
                "PH-1"))).isEmpty();
        assertThat(codes(SubmissionRules.photoChoice(facts(TODAY, registration(TODAY.minusMonths(7)), null), SELF,
                "PH-1"))).isEmpty();
        assertThat(codes(SubmissionRules.photoChoice(facts(TODAY, null, permit(ResidencePermit.Status.LOST)), SELF,
                "PH-2"))).containsExactly(Code.NOT_REGISTERED, Code.PHOTO_NOT_COMPLIANT);
    }

    @Test
    void shouldProveAnOwnHomeWithTheFiledContractOnFile() {
        SubmissionFacts rented = facts(TODAY, null, null, null, List.of(), List.of(FILED), List.of(license("EL-RFN",
                ELicense.Type.RENTAL_FILING_NOTICE)));
        ResidenceRegistrationInput input = registrationInput(ResidenceType.RENTED_HOUSING, null);

        assertThat(codes(SubmissionRules.registration(rented, SELF, input, null))).isEmpty();
        assertThat(ResidenceProofs.check(rented, SELF, input).licenseId()).contains("EL-RFN");
        assertThat(PoliceForms.registration(rented, SELF, input, null, "13812345678").payload())
                .containsEntry("proofLicenseId", "EL-RFN").containsEntry("mobile", "13812345678")
                .containsEntry("appliedBy", "p-1").doesNotContainKey("kinshipCommitment");
    }

    @Test
    void shouldTakeAContractEndingTodayButRefuseOneStartingTomorrowAsUnprovenNotAsAShop() {
        RentalContract endsToday = new RentalContract("HT2", "BA2", HOME, Property.Usage.RESIDENTIAL,
                TODAY.minusYears(1), TODAY, RentalContract.Status.FILED, "EL-END");
        RentalContract startsTomorrow = new RentalContract("HT3", "BA3", HOME, Property.Usage.RESIDENTIAL,
                TODAY.plusDays(1), TODAY.plusYears(1), RentalContract.Status.FILED, "EL-START");
        ResidenceRegistrationInput input = registrationInput(ResidenceType.RENTED_HOUSING, null);

        assertThat(ResidenceProofs.check(facts(TODAY, null, null, null, List.of(), List.of(endsToday),
                List.of(license("EL-END", ELicense.Type.RENTAL_FILING_NOTICE))), SELF, input).licenseId())
                .contains("EL-END");
        assertThat(codes(SubmissionRules.registration(facts(TODAY, null, null, null, List.of(),
                List.of(startsTomorrow), List.of(license("EL-START", ELicense.Type.RENTAL_FILING_NOTICE))), SELF,
                input, null))).containsExactly(Code.NO_RESIDENCE_PROOF);
    }

    @Test
    void shouldRefuseAHomeWithoutProofAndAnOfficeWithTheirOwnCodes() {
        ResidenceRegistrationInput input = registrationInput(ResidenceType.OWN_PROPERTY, null);

        assertThat(codes(SubmissionRules.registration(facts(TODAY, null, null), SELF, input, null)))
                .containsExactly(Code.NO_RESIDENCE_PROOF);
        assertThat(SubmissionRules.registration(facts(TODAY, null, null, null, List.of(OFFICE), List.of(),
                List.of()), SELF, input, null)).singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.NON_RESIDENTIAL_HOUSING);
                    assertThat(refusal.field()).isNull();
                });
    }

    @Test
    void shouldCheckAnOfferedProofIsTheApplicantsAndResidential() {
        SubmissionFacts office = facts(TODAY, null, null, null, List.of(OFFICE), List.of(FILED), List.of(
                license("EL-PC-OFFICE", ELicense.Type.PROPERTY_CERTIFICATE),
                license("EL-RFN", ELicense.Type.RENTAL_FILING_NOTICE),
                license("EL-IDC", ELicense.Type.ID_CARD)));

        assertThat(codes(SubmissionRules.registration(office, SELF, registrationInput(ResidenceType.OWN_PROPERTY,
                "EL-RFN"), null))).isEmpty();
        assertThat(SubmissionRules.registration(office, SELF, registrationInput(ResidenceType.OWN_PROPERTY,
                "EL-PC-OFFICE"), null)).singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.NON_RESIDENTIAL_HOUSING);
                    assertThat(refusal.field()).containsExactly("input", "proofLicenseId");
                });
        for (String notAProof : List.of("EL-IDC", "EL-SOMEONE-ELSES")) {
            assertThat(SubmissionRules.registration(office, SELF, registrationInput(ResidenceType.OWN_PROPERTY,
                    notAProof), null)).singleElement().satisfies(refusal -> {
                        assertThat(refusal.code()).isEqualTo(Code.NOT_FOUND);
                        assertThat(refusal.field()).containsExactly("input", "proofLicenseId");
                    });
        }
    }

    @Test
    void shouldRefuseAnOfferedFilingNoticeOfARentedOffice() {
        RentalContract office = new RentalContract("HT4", "BA4", HOME, Property.Usage.OFFICE, TODAY.minusMonths(1),
                TODAY.plusYears(1), RentalContract.Status.FILED, "EL-RFN-OFFICE");
        SubmissionFacts facts = facts(TODAY, null, null, null, List.of(), List.of(office, FILED), List.of(
                license("EL-RFN-OFFICE", ELicense.Type.RENTAL_FILING_NOTICE),
                license("EL-RFN", ELicense.Type.RENTAL_FILING_NOTICE)));

        assertThat(codes(SubmissionRules.registration(facts, SELF, registrationInput(ResidenceType.RENTED_HOUSING,
                "EL-RFN-OFFICE"), null))).containsExactly(Code.NON_RESIDENTIAL_HOUSING);
        assertThat(codes(SubmissionRules.registration(facts, SELF, registrationInput(ResidenceType.RENTED_HOUSING,
                "EL-RFN"), null))).isEmpty();
    }

    @Test
    void shouldSendTheDormitoryCertificateOnlyForADormitory() {
        DormitoryCertificateInput certificate = new DormitoryCertificateInput("上海某某科技有限公司", "SSZM-2026-001");
        SubmissionFacts facts = facts(TODAY, null, null);

        PoliceForm dormitory = PoliceForms.residence(facts, SELF, new ResidenceRegistrationInput("key-00000001", null,
                HOME_INPUT, ResidenceType.COLLECTIVE_DORMITORY, TODAY, null, null, certificate, null, null, "13812345678"));
        PoliceForm relative = PoliceForms.residence(facts, SELF, new ResidenceRegistrationInput("key-00000001", null,
                HOME_INPUT, ResidenceType.RELATIVE_PROPERTY, TODAY, null, new KinshipCommitmentInput("陈建华",
                        "340102196502170012", KinshipRelation.PARENT, true), certificate, null, null, "13812345678"));
        PoliceForm missing = PoliceForms.residence(facts, SELF, new ResidenceRegistrationInput("key-00000001", null,
                HOME_INPUT, ResidenceType.COLLECTIVE_DORMITORY, TODAY, null, null, null, null, null, "13812345678"));

        assertThat(dormitory.payload()).containsEntry("dormitoryCertificate",
                Map.of("employerName", "上海某某科技有限公司", "certificateNo", "SSZM-2026-001"));
        assertThat(relative.payload()).doesNotContainKey("dormitoryCertificate");
        assertThat(missing.payload()).doesNotContainKey("dormitoryCertificate");
    }

    @Test
    void shouldAskARelativesHomeAndADormitoryForTheirProofWhenNoneIsOnFileOrUploaded() {
        SubmissionFacts nothingOnFile = facts(TODAY, null, null);

        assertThat(SubmissionRules.registration(nothingOnFile, SELF, registrationInput(ResidenceType.RELATIVE_PROPERTY,
                null), null)).singleElement().satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(Code.RELATIVE_HOME_PROOF_REQUIRED);
                    assertThat(refusal.field()).containsExactly("input", "materials");
                });
        assertThat(codes(SubmissionRules.registration(nothingOnFile, SELF,
                registrationInput(ResidenceType.RELATIVE_RENTED_HOUSING, null), null)))
                .containsExactly(Code.RELATIVE_HOME_PROOF_REQUIRED);
        assertThat(codes(SubmissionRules.registration(nothingOnFile, SELF,
                registrationInput(ResidenceType.COLLECTIVE_DORMITORY, null), null)))
                .containsExactly(Code.DORMITORY_CERTIFICATE_REQUIRED);
    }

    @Test
    void shouldRefuseASecondRegistrationAndAnAddressChangeWithoutOne() {
        SubmissionFacts registered = facts(TODAY, registration(TODAY.minusYears(1)), null, null, List.of(),
                List.of(FILED), List.of(license("EL-RFN", ELicense.Type.RENTAL_FILING_NOTICE)));
        SubmissionFacts notRegistered = facts(TODAY, null, null, null, List.of(), List.of(FILED),
                List.of(license("EL-RFN", ELicense.Type.RENTAL_FILING_NOTICE)));
        AddressChangeInput move = new AddressChangeInput("key-00000001", null, HOME_INPUT,
                ResidenceType.RENTED_HOUSING, TODAY.minusDays(3), null, null, null, null);

        assertThat(codes(SubmissionRules.registration(registered, SELF,
                registrationInput(ResidenceType.RENTED_HOUSING, null), null))).containsExactly(Code.ALREADY_REGISTERED);
        assertThat(codes(SubmissionRules.addressChange(registered, SELF, move))).isEmpty();
        assertThat(codes(SubmissionRules.addressChange(notRegistered, SELF, move)))
                .containsExactly(Code.NOT_REGISTERED);
    }

    @Test
    void shouldWriteTheKinshipLetterIntoTheFormWithTheApplicantsName() {
        KinshipCommitmentInput parent = new KinshipCommitmentInput("陈建华", "340102196502170012",
                KinshipRelation.PARENT, true);
        ResidenceRegistrationInput input = new ResidenceRegistrationInput("key-00000001", null, HOME_INPUT,
                ResidenceType.RELATIVE_PROPERTY, TODAY.minusDays(10), null, parent, null, null, null, "13812345678");
        SubmissionFacts facts = new SubmissionFacts(citizen(TODAY, null, null, null, List.of(), List.of()),
                TODAY.atTime(9, 30).atOffset(ZoneOffset.ofHours(8)), List.of(), "陈晓燕", null, List.of(), Map.of());

        PoliceForm form = PoliceForms.registration(facts, SELF, input, null, "13812345678");

        assertThat(form.kinshipCommitment()).isNotNull();
        assertThat(form.kinshipCommitment().text()).contains("本人陈晓燕", "陈建华", "父母", "徐汇区漕河泾街道")
                .doesNotContain("340102196502170012");
        assertThat(form.payload()).containsKey("kinshipCommitment").doesNotContainKey("proofLicenseId");
        assertThat(form.deliveryFee()).isNull();
    }

    @Test
    void shouldChargeFifteenYuanForPostalDeliveryOnly() {
        SubmissionFacts facts = facts(TODAY, registration(TODAY.minusYears(1)), null);
        PoliceForm postal = PoliceForms.permit(facts, SELF, new ResidencePermitInput("key-00000001", null, "PH-1",
                new DeliveryInput(DeliveryMethod.POSTAL, null, HOME_INPUT, "13812345678"), null));
        PoliceForm pickup = PoliceForms.permit(facts, SELF, new ResidencePermitInput("key-00000001", null, "PH-1",
                new DeliveryInput(DeliveryMethod.PICKUP, "SC-1", null, null), null));

        assertThat(postal.deliveryFee()).isEqualTo(15.0);
        assertThat(postal.payload().get("delivery")).isEqualTo(Map.of("method", "POSTAL", "address", HOME,
                "recipientMobile", "13812345678", "codAmountFen", 1500));
        assertThat(pickup.deliveryFee()).isNull();
        assertThat(pickup.delivery()).isEqualTo(new Application.Delivery(DeliveryMethod.PICKUP, "SC-1", null));
    }

    @Test
    void shouldCheckAndSendTheRegistrationsPhotoOnlyWhenOneIsChosen() {
        SubmissionFacts rented = facts(TODAY, null, null, null, List.of(), List.of(FILED), List.of(license("EL-RFN",
                ELicense.Type.RENTAL_FILING_NOTICE)));
        ResidenceRegistrationInput input = registrationInput(ResidenceType.RENTED_HOUSING, null);

        assertThat(codes(SubmissionRules.registration(rented, SELF, input, "PH-1"))).isEmpty();
        assertThat(codes(SubmissionRules.registration(rented, SELF, input, "PH-2")))
                .containsExactly(Code.PHOTO_NOT_COMPLIANT);
        assertThat(PoliceForms.registration(rented, SELF, input, "PH-1", "13812345678").payload())
                .containsEntry("photoId", "PH-1");
        assertThat(PoliceForms.registration(rented, SELF, input, null, "13812345678").payload())
                .doesNotContainKey("photoId");
    }

    @Test
    void shouldSendTheUploadedMaterialsWithTheirKinds() {
        SubmissionFacts facts = new SubmissionFacts(citizen(TODAY, null, null, null, List.of(), List.of()),
                TODAY.atTime(9, 30).atOffset(ZoneOffset.ofHours(8)), List.of(), "申请人", null, List.of(),
                Map.of("ATT-1", "p-1"));
        ResidenceRegistrationInput input = new ResidenceRegistrationInput("key-00000001", null, HOME_INPUT,
                ResidenceType.COLLECTIVE_DORMITORY, TODAY.minusDays(10), null, null, null,
                List.of(new MaterialInput("ATT-1", MaterialKind.DORMITORY_CERTIFICATE)), null, "13812345678");

        assertThat(codes(SubmissionRules.registration(facts, SELF, input, null))).isEmpty();
        assertThat(PoliceForms.registration(facts, SELF, input, null, "13812345678").payload())
                .containsEntry("attachmentIds", List.of("ATT-1"))
                .containsEntry("materials", List.of(Map.of("attachmentId", "ATT-1", "kind", "DORMITORY_CERTIFICATE")))
                .doesNotContainKey("proofLicenseId");
    }

    @Test
    void shouldSendThePostalCardToTheMobileGivenElseToTheApplicantsOwn() {
        SubmissionFacts facts = facts(TODAY, registration(TODAY.minusYears(1)), null);
        PoliceForm given = PoliceForms.permit(facts, SELF, new ResidencePermitInput("key-00000001", null, "PH-1",
                new DeliveryInput(DeliveryMethod.POSTAL, null, HOME_INPUT, "13812345678"), null));
        PoliceForm own = PoliceForms.permit(facts, SELF, new ResidencePermitInput("key-00000001", null, "PH-1",
                new DeliveryInput(DeliveryMethod.POSTAL, null, HOME_INPUT, null), null));

        assertThat(given.payload().get("delivery")).asString().contains("recipientMobile=13812345678");
        assertThat(own.payload().get("delivery")).asString().contains("recipientMobile=13900000000");
    }

    private static List<Code> codes(List<UserError> refusals) {
        return refusals.stream().map(UserError::code).toList();
    }

    private static ResidenceRegistrationInput registrationInput(ResidenceType type, String proofLicenseId) {
        return new ResidenceRegistrationInput("key-00000001", null, HOME_INPUT, type, TODAY.minusDays(10),
                proofLicenseId, null, null, null, null, "13812345678");
    }

    private static List<UserError> permit(SubmissionFacts facts, Applicant applicant, String photoId,
            DeliveryMethod method, String serviceCenterId) {
        return SubmissionRules.permit(facts, applicant, new ResidencePermitInput("key-00000001", null, photoId,
                new DeliveryInput(method, serviceCenterId, method == DeliveryMethod.POSTAL ? HOME_INPUT : null, null),
                null));
    }

    private static SubmissionFacts facts(LocalDate today, ResidenceRegistration registration,
            ResidencePermit permit) {
        return facts(today, registration, permit, null);
    }

    private static SubmissionFacts facts(LocalDate today, ResidenceRegistration registration,
            ResidencePermit permit, LocalDate birthDate) {
        return facts(today, registration, permit, birthDate, List.of(), List.of(), List.of());
    }

    private static SubmissionFacts facts(LocalDate today, ResidenceRegistration registration,
            ResidencePermit permit, LocalDate birthDate, List<Property> properties, List<RentalContract> contracts,
            List<ELicense> licenses) {
        return new SubmissionFacts(citizen(today, registration, permit, birthDate, properties, contracts),
                OffsetDateTime.of(today.atTime(10, 0), ZoneOffset.ofHours(8)), licenses, "申请人", "13900000000",
                List.of(PICKUP, NO_PICKUP), Map.of());
    }

    private static CitizenFacts citizen(LocalDate today, ResidenceRegistration registration, ResidencePermit permit,
            LocalDate birthDate, List<Property> properties, List<RentalContract> contracts) {
        return new CitizenFacts(today, registration, permit, List.of(), properties, contracts,
                List.of(COMPLIANT, BLUE), birthDate, Map.of());
    }

    private static ResidenceRegistration registration(LocalDate registeredOn) {
        return new ResidenceRegistration("JZDJ1", ResidenceRegistration.Status.ACTIVE, registeredOn, HOME,
                ResidenceType.RENTED_HOUSING, null);
    }

    private static ResidencePermit permit(ResidencePermit.Status status) {
        return new ResidencePermit("JZZ1", status, TODAY.minusMonths(4), TODAY.plusMonths(8), "PH-1",
                new ResidencePermit.AutoEndorsement(true, null));
    }

    private static ELicense license(String id, ELicense.Type type) {
        return new ELicense(id, type, "NO-" + id, "上海市房屋管理局", TODAY.minusYears(1), null, ELicense.Status.VALID);
    }
}
