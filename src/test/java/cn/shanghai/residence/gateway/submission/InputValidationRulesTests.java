package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.shanghai.residence.gateway.police.Application.DeliveryMethod;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.reference.ShanghaiDistrict;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.CardAddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialKind;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DormitoryCertificateInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipCommitmentInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.KinshipRelation;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceRegistrationInput;
import cn.shanghai.residence.gateway.submission.UserError.Code;

import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static cn.shanghai.residence.gateway.i18n.Rendered.en;
import static cn.shanghai.residence.gateway.i18n.Rendered.zh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** InputValidation on its own, without Spring: every limit on both sides, and the field path of each refusal. */
class InputValidationRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final String KEY = "key-0001";
    private static final AddressInput PUDONG = new AddressInput("浦东新区", "张江镇", "碧波路690弄12号301室");
    private static final KinshipCommitmentInput KINSHIP = new KinshipCommitmentInput("陈建华", "340102196502170012",
            KinshipRelation.PARENT, true);
    private static final DormitoryCertificateInput DORMITORY = new DormitoryCertificateInput("上海某某科技有限公司",
            "HU（2026）-0012");

    @Test
    void shouldAcceptAWellFormedRegistration() {
        assertThat(declare(registration(ResidenceType.RENTED_HOUSING))).isEmpty();
        assertThat(declare(registration(ResidenceType.OWN_PROPERTY, null, null))).isEmpty();
    }

    @Test
    void shouldAcceptIdempotencyKeysOfEightToSixtyFourCharacters() {
        assertThat(common("k".repeat(8), null)).isEmpty();
        assertThat(common("k".repeat(64), null)).isEmpty();
        assertThat(common("a.b_c:d-9", null)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "kkkkkkk", "key with spaces!", "key/0001", "钥匙钥匙钥匙钥匙"})
    void shouldRefuseAnyOtherIdempotencyKey(String key) {
        assertThat(common(key, null)).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "idempotencyKey")));
        assertThat(common("k".repeat(65), null)).hasSize(1);
        assertThat(common(null, null)).hasSize(1);
    }

    @Test
    void shouldAnswerAMalformedDependentIdAsAnUnknownDependent() {
        assertThat(common(KEY, "ywtb-1004")).isEmpty();
        assertThat(common(KEY, "ywtb-1004/x")).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.NOT_FOUND, List.of("input", "forPersonId")));
    }

    @Test
    void shouldRefuseAMissingAddressOnce() {
        assertThat(declare(new ResidenceRegistrationInput(KEY, null, null, ResidenceType.RENTED_HOUSING,
                TODAY, null, null, null, null, null, "13880452297"))).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "address")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"浦东", "杭州市西湖区", "", "浦东新区区"})
    void shouldRefuseADistrictThatIsNotOneOfShanghais(String district) {
        List<UserError> errors = declare(registration(new AddressInput(district, "张江镇", "1号")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(Code.INVALID_INPUT);
            assertThat(error.field()).containsExactly("input", "address", "district");
            assertThat(zh(error.message())).contains(ShanghaiDistrict.ALL_NAMES);
        });
        assertThat(declare(registration(new AddressInput(null, "张江镇", "1号")))).extracting(UserError::field)
                .containsExactly(List.of("input", "address", "district"));
    }

    @Test
    void shouldAcceptADistrictWithSurroundingSpaces() {
        assertThat(declare(registration(new AddressInput(" 浦东新区 ", "张江镇", "1号")))).isEmpty();
    }

    @Test
    void shouldAcceptAStreetOfThirtyCharactersAndADetailOfAHundred() {
        assertThat(declare(registration(new AddressInput("浦东新区", "街".repeat(30), "号".repeat(100))))).isEmpty();
    }

    @Test
    void shouldRefuseAStreetOfThirtyOneCharactersAndADetailOfAHundredAndOne() {
        assertThat(declare(registration(new AddressInput("浦东新区", "街".repeat(31), "号".repeat(101)))))
                .extracting(UserError::field, error -> both(error.message())).containsExactly(
                        tuple(List.of("input", "address", "street"), "须为1-30个字符的文字 / must be 1-30 characters of text"),
                        tuple(List.of("input", "address", "detail"),
                                "须为1-100个字符的文字 / must be 1-100 characters of text"));
    }

    @ParameterizedTest(name = "street \"{0}\"")
    @ValueSource(strings = {"", "   ", "<script>", "张江镇\u0000", "张江\n镇"})
    void shouldRefuseBlankOrMarkupText(String street) {
        assertThat(declare(registration(new AddressInput("浦东新区", street, "1号")))).extracting(UserError::field)
                .containsExactly(List.of("input", "address", "street"));
        assertThat(declare(registration(new AddressInput("浦东新区", "张江镇", null)))).extracting(UserError::field)
                .containsExactly(List.of("input", "address", "detail"));
    }

    @Test
    void shouldRequireAResidenceType() {
        assertThat(declare(registration((ResidenceType) null))).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "residenceType")));
    }

    /** UNKNOWN exists for what police send that the gateway does not know (issue 11 item 10), never as a choice. */
    @Test
    void shouldRefuseTheUnknownResidenceTypeAndDeliveryMethod() {
        assertThat(declare(registration(ResidenceType.UNKNOWN))).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "residenceType")));
        assertThat(deliver(new DeliveryInput(DeliveryMethod.UNKNOWN, "SC-1", PUDONG, "13880452297")))
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "delivery", "method")));
    }

    @Test
    void shouldAcceptAMoveInOfTodayOrAnyDayBefore() {
        assertThat(declare(movedIn(TODAY))).isEmpty();
        assertThat(declare(movedIn(TODAY.minusYears(30).minusDays(1)))).isEmpty();
        assertThat(declare(movedIn(TODAY.minusYears(60)))).isEmpty();
    }

    @Test
    void shouldRefuseAMoveInTomorrowOrMissing() {
        for (LocalDate day : new LocalDate[] {TODAY.plusDays(1), null}) {
            assertThat(declare(movedIn(day))).as(String.valueOf(day)).extracting(UserError::code, UserError::field)
                    .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "moveInDate")));
        }
    }

    @Test
    void shouldAnswerAMalformedLicenseIdAsAnUnknownLicense() {
        assertThat(declare(withProof("EL-1004-02"))).isEmpty();
        assertThat(declare(withProof("EL/../x"))).extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.NOT_FOUND, List.of("input", "proofLicenseId")));
    }

    @Test
    void shouldRequireASignedKinshipCommitmentForBothRelativeKinds() {
        for (ResidenceType relative : List.of(ResidenceType.RELATIVE_PROPERTY, ResidenceType.RELATIVE_RENTED_HOUSING)) {
            for (KinshipCommitmentInput unsigned : new KinshipCommitmentInput[] {null,
                    new KinshipCommitmentInput("陈建华", "340102196502170012", KinshipRelation.PARENT, false),
                    new KinshipCommitmentInput("陈建华", "340102196502170012", KinshipRelation.PARENT, null)}) {
                assertThat(declare(registration(relative, unsigned, null))).as(relative + " " + unsigned)
                        .extracting(UserError::code, UserError::field)
                        .containsExactly(
                                tuple(Code.KINSHIP_COMMITMENT_REQUIRED, List.of("input", "kinshipCommitment")));
            }
            assertThat(declare(registration(relative, KINSHIP, null))).as(relative.name()).isEmpty();
        }
    }

    @Test
    void shouldNotAskForAKinshipCommitmentForOtherKinds() {
        assertThat(declare(registration(ResidenceType.OWN_PROPERTY, null, null))).isEmpty();
        assertThat(declare(registration(ResidenceType.RENTED_HOUSING, null, null))).isEmpty();
    }

    @Test
    void shouldCheckEachPartOfASignedKinshipCommitment() {
        KinshipCommitmentInput wrong = new KinshipCommitmentInput("陈".repeat(31), "340102196502170013", null, true);

        assertThat(declare(registration(ResidenceType.RELATIVE_PROPERTY, wrong, null)))
                .extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.INVALID_INPUT, List.of("input", "kinshipCommitment", "relativeName")),
                        tuple(Code.INVALID_INPUT, List.of("input", "kinshipCommitment", "relativeIdNumber")),
                        tuple(Code.INVALID_INPUT, List.of("input", "kinshipCommitment", "relation")));
        assertThat(declare(registration(ResidenceType.RELATIVE_PROPERTY, new KinshipCommitmentInput("陈".repeat(30),
                "340102196502170012", KinshipRelation.SIBLING, true), null))).isEmpty();
    }

    @Test
    void shouldTakeADormitoryWithOrWithoutTheCertificatesDetailsLeavingTheProofToTheRules() {
        assertThat(declare(registration(ResidenceType.COLLECTIVE_DORMITORY, null, null))).isEmpty();
        assertThat(declare(registration(ResidenceType.COLLECTIVE_DORMITORY, null, DORMITORY))).isEmpty();
        assertThat(declare(registration(ResidenceType.COLLECTIVE_DORMITORY, null,
                new DormitoryCertificateInput(null, null)))).isEmpty();
    }

    @Test
    void shouldLimitTheEmployerNameToSixtyCharacters() {
        assertThat(declare(dormitory(new DormitoryCertificateInput("司".repeat(60), "A-1")))).isEmpty();
        assertThat(declare(dormitory(new DormitoryCertificateInput("司".repeat(61), "A-1"))))
                .extracting(UserError::field)
                .containsExactly(List.of("input", "dormitoryCertificate", "employerName"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"A-1", "(2026)12", "沪宿证字2026第12号", "A 1/2", "0123456789012345678901234567890123456789"})
    void shouldAcceptAnyCertificateNumberOfUpToFortyCharactersOfText(String certificateNo) {
        assertThat(declare(dormitory(new DormitoryCertificateInput("上海某某科技有限公司", certificateNo)))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "01234567890123456789012345678901234567890", "<b>1</b>"})
    void shouldRefuseABlankOverlongOrMarkedUpCertificateNumber(String certificateNo) {
        assertThat(declare(dormitory(new DormitoryCertificateInput("上海某某科技有限公司", certificateNo))))
                .extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.INVALID_INPUT, List.of("input", "dormitoryCertificate", "certificateNo")));
    }

    @Test
    void shouldTakeUpToFiveMaterialsEachWithASafeIdAndAKind() {
        MaterialInput title = new MaterialInput("ATT-ywtb-1016-0000000001", MaterialKind.PROPERTY_CERTIFICATE);
        assertThat(declare(withMaterials(List.of(title)))).isEmpty();
        assertThat(declare(withMaterials(List.of(title, title, title, title, title)))).isEmpty();
        assertThat(declare(withMaterials(List.of(title, title, title, title, title, title))))
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "materials")));
        assertThat(declare(withMaterials(List.of(title, new MaterialInput("../x", MaterialKind.PROPERTY_CERTIFICATE),
                new MaterialInput("ATT-1", null))))).extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.NOT_FOUND, List.of("input", "materials", "1", "attachmentId")),
                        tuple(Code.INVALID_INPUT, List.of("input", "materials", "2", "kind")));
    }

    @Test
    void shouldCheckACardAddressAtItsOwnPlaceInTheInput() {
        CardAddressInput card = new CardAddressInput(new AddressInput("杭州市", "", "1号"), ResidenceType.RENTED_HOUSING,
                TODAY.plusDays(1), null, null, null, null);
        assertThat(new InputValidation(TODAY).declaration(card, "cardAddress", "address").errors())
                .extracting(UserError::field).containsExactly(
                        List.of("input", "cardAddress", "address", "district"),
                        List.of("input", "cardAddress", "address", "street"),
                        List.of("input", "cardAddress", "moveInDate"));
    }

    @Test
    void shouldRefuseAMalformedMobileAtTheFieldItCameFrom() {
        assertThat(new InputValidation(TODAY).mobile("13880452297", "mobile").errors()).isEmpty();
        assertThat(new InputValidation(TODAY).mobile("110", "mobile").errors())
                .extracting(UserError::code, UserError::field)
                .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "mobile")));
    }

    @Test
    void shouldAnswerAMalformedPhotoIdAsAnUnknownPhoto() {
        assertThat(new InputValidation(TODAY).photo("PH-1004-01").errors()).isEmpty();
        for (String photoId : new String[] {"../../persons/ywtb-1006", null}) {
            assertThat(new InputValidation(TODAY).photo(photoId).errors())
                    .extracting(UserError::code, UserError::field)
                    .containsExactly(tuple(Code.NOT_FOUND, List.of("input", "photoId")));
        }
    }

    @Test
    void shouldRequireADeliveryMethod() {
        DeliveryInput noMethod = new DeliveryInput(null, "SC-1", PUDONG, "13880452297");
        for (DeliveryInput missing : new DeliveryInput[] {null, noMethod}) {
            assertThat(deliver(missing)).extracting(UserError::code, UserError::field)
                    .containsExactly(tuple(Code.INVALID_INPUT, List.of("input", "delivery", "method")));
        }
    }

    @Test
    void shouldNeedOnlyAServiceCentreForPickup() {
        assertThat(deliver(new DeliveryInput(DeliveryMethod.PICKUP, "SC-310115-01", null, null))).isEmpty();
        assertThat(deliver(new DeliveryInput(DeliveryMethod.PICKUP, "../sc", null, null)))
                .extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.SERVICE_CENTER_UNAVAILABLE, List.of("input", "delivery", "serviceCenterId")));
        assertThat(deliver(new DeliveryInput(DeliveryMethod.PICKUP, null, null, null))).hasSize(1);
    }

    @Test
    void shouldPostOnlyToAShanghaiAddressWithAMobile() {
        assertThat(deliver(new DeliveryInput(DeliveryMethod.POSTAL, null, PUDONG, "13880452297"))).isEmpty();
        assertThat(deliver(new DeliveryInput(DeliveryMethod.POSTAL, null, new AddressInput("西湖区", "文三路", "1号"),
                "13880452297"))).singleElement().satisfies(error -> {
                    assertThat(error.code()).isEqualTo(Code.DELIVERY_OUTSIDE_SHANGHAI);
                    assertThat(error.field()).containsExactly("input", "delivery", "address", "district");
                    assertThat(zh(error.message())).startsWith("邮政直投仅限上海市地址");
                });
    }

    @Test
    void shouldRefuseAPostalDeliveryWithoutAnAddressOrWithAWrongMobile() {
        assertThat(deliver(new DeliveryInput(DeliveryMethod.POSTAL, "SC-1", null, "23880452297")))
                .extracting(UserError::code, UserError::field).containsExactly(
                        tuple(Code.INVALID_INPUT, List.of("input", "delivery", "address")),
                        tuple(Code.INVALID_INPUT, List.of("input", "delivery", "recipientMobile")));
    }

    @Test
    void shouldLeaveOutTheRecipientsMobileForTheOneOnFile() {
        assertThat(deliver(new DeliveryInput(DeliveryMethod.POSTAL, null, PUDONG, null))).isEmpty();
    }

    @Test
    void shouldCollectEveryRefusalOfAChainInOrder() {
        List<UserError> errors = new InputValidation(TODAY).common("short", "a/b")
                .declaration(new ResidenceRegistrationInput(KEY, null, new AddressInput("浦东", "", "1号"), null,
                        TODAY.plusDays(1), "x/y", null, null, null, null, "110"), "address")
                .mobile("110", "mobile").photo("../p").errors();

        assertThat(errors).extracting(UserError::field).containsExactly(List.of("input", "idempotencyKey"),
                List.of("input", "forPersonId"), List.of("input", "address", "district"),
                List.of("input", "address", "street"), List.of("input", "residenceType"),
                List.of("input", "moveInDate"), List.of("input", "proofLicenseId"), List.of("input", "mobile"),
                List.of("input", "photoId"));
        assertThat(errors).allSatisfy(error -> assertThat(en(error.message())).isNotEqualTo(zh(error.message())));
    }

    private static List<UserError> common(String key, String forPersonId) {
        return new InputValidation(TODAY).common(key, forPersonId).errors();
    }

    private static List<UserError> declare(ResidenceRegistrationInput input) {
        return new InputValidation(TODAY).common(input.idempotencyKey(), input.forPersonId())
                .declaration(input, "address").mobile(input.mobile(), "mobile").errors();
    }

    private static List<UserError> deliver(DeliveryInput delivery) {
        return new InputValidation(TODAY).delivery(delivery).errors();
    }

    private static ResidenceRegistrationInput registration(ResidenceType type) {
        return registration(type, null, null);
    }

    private static ResidenceRegistrationInput registration(ResidenceType type, KinshipCommitmentInput kinship,
            DormitoryCertificateInput dormitory) {
        return new ResidenceRegistrationInput(KEY, null, PUDONG, type, TODAY.minusDays(3), null, kinship, dormitory,
                null, null, "13880452297");
    }

    private static ResidenceRegistrationInput withMaterials(List<MaterialInput> materials) {
        return new ResidenceRegistrationInput(KEY, null, PUDONG, ResidenceType.RELATIVE_PROPERTY, TODAY.minusDays(3),
                null, new KinshipCommitmentInput("陈建华", "340102196502170012", KinshipRelation.PARENT, true), null,
                materials, null, "13880452297");
    }

    private static ResidenceRegistrationInput registration(AddressInput address) {
        return new ResidenceRegistrationInput(KEY, null, address, ResidenceType.RENTED_HOUSING, TODAY.minusDays(3),
                null, null, null, null, null, "13880452297");
    }

    private static ResidenceRegistrationInput movedIn(LocalDate day) {
        return new ResidenceRegistrationInput(KEY, null, PUDONG, ResidenceType.RENTED_HOUSING, day, null, null, null,
                null, null, "13880452297");
    }

    private static ResidenceRegistrationInput withProof(String licenseId) {
        return new ResidenceRegistrationInput(KEY, null, PUDONG, ResidenceType.OWN_PROPERTY, TODAY.minusDays(3),
                licenseId, null, null, null, null, "13880452297");
    }

    private static ResidenceRegistrationInput dormitory(DormitoryCertificateInput certificate) {
        return registration(ResidenceType.COLLECTIVE_DORMITORY, null, certificate);
    }
}
