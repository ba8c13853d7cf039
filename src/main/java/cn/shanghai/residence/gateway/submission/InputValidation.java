package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.reference.IdNumbers;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.reference.ShanghaiDistrict;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.submission.UserError.Code;

/**
 * Everything about a mutation's input that can be judged without asking an agency: formats, lengths, districts,
 * dates, mobile and ID numbers, and what each residence kind must bring. Input failing here never reaches an
 * upstream, and the refusal is not remembered for the idempotency key.
 */
final class InputValidation {

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern CERTIFICATE_NO = Pattern.compile("[A-Za-z0-9()（）\\-]{1,40}");
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}<>]+");

    private final List<UserError> errors = new ArrayList<>();
    private final LocalDate today;

    InputValidation(LocalDate today) {
        this.today = today;
    }

    List<UserError> errors() {
        return List.copyOf(errors);
    }

    InputValidation common(String idempotencyKey, String forPersonId) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            refuse(Code.INVALID_INPUT, "幂等键须为8-64位字母、数字或 . _ : - / idempotencyKey must be 8-64 letters, "
                    + "digits or . _ : -", "idempotencyKey");
        }
        if (forPersonId != null && !Ids.safe(forPersonId)) {
            refuse(Code.NOT_FOUND, "未找到该被监护人 / No dependent with this id", "forPersonId");
        }
        return this;
    }

    InputValidation declaration(ResidenceDeclaration declaration, String addressField) {
        address(declaration.address(), Code.INVALID_INPUT, addressField);
        if (declaration.residenceType() == null || declaration.residenceType() == ResidenceType.UNKNOWN) {
            refuse(Code.INVALID_INPUT, "请选择住所种类 / residenceType is required", "residenceType");
        }
        LocalDate movedIn = declaration.moveInDate();
        if (movedIn == null || movedIn.isAfter(today) || movedIn.isBefore(today.minusYears(30))) {
            refuse(Code.INVALID_INPUT, "入住日期须在今天或之前 / moveInDate must be a date up to today", "moveInDate");
        }
        if (declaration.proofLicenseId() != null && !Ids.safe(declaration.proofLicenseId())) {
            refuse(Code.NOT_FOUND, "未找到该电子证照 / No e-license with this id", "proofLicenseId");
        }
        ResidenceType type = declaration.residenceType();
        if (type != null && type.relativesHome()) {
            kinship(declaration.kinshipCommitment());
        }
        if (type != null && type.dormitory()) {
            var certificate = declaration.dormitoryCertificate();
            if (certificate == null) {
                refuse(Code.DORMITORY_CERTIFICATE_REQUIRED, "居住单位集体宿舍的，须提供单位出具的集体宿舍证明 / A "
                        + "collective dormitory needs the employer's dormitory certificate", "dormitoryCertificate");
            } else {
                text(certificate.employerName(), 60, "dormitoryCertificate", "employerName");
                if (certificate.certificateNo() == null
                        || !CERTIFICATE_NO.matcher(certificate.certificateNo()).matches()) {
                    refuse(Code.INVALID_INPUT, "证明编号格式不正确 / certificateNo is malformed", "dormitoryCertificate",
                            "certificateNo");
                }
            }
        }
        return this;
    }

    private void kinship(SubmissionInputs.KinshipCommitmentInput kinship) {
        if (kinship == null || !Boolean.TRUE.equals(kinship.signatureConfirmed())) {
            refuse(Code.KINSHIP_COMMITMENT_REQUIRED, "居住在亲属家中的，须签名确认亲属关系承诺书 / Living in a relative's "
                    + "home needs the signed kinship commitment letter", "kinshipCommitment");
            return;
        }
        text(kinship.relativeName(), 30, "kinshipCommitment", "relativeName");
        if (!IdNumbers.validIdNumber(kinship.relativeIdNumber())) {
            refuse(Code.INVALID_INPUT, "亲属身份证号码无效 / relativeIdNumber is not a valid ID number",
                    "kinshipCommitment", "relativeIdNumber");
        }
        if (kinship.relation() == null) {
            refuse(Code.INVALID_INPUT, "请选择亲属关系 / relation is required", "kinshipCommitment", "relation");
        }
    }

    InputValidation mobile(String mobile, String... field) {
        if (!IdNumbers.validMobile(mobile)) {
            refuse(Code.INVALID_INPUT, "手机号码格式不正确 / Enter an 11-digit mainland mobile number", field);
        }
        return this;
    }

    InputValidation photo(String photoId) {
        if (!Ids.safe(photoId)) {
            refuse(Code.NOT_FOUND, "未找到该照片 / No photo with this id", "photoId");
        }
        return this;
    }

    InputValidation delivery(DeliveryInput delivery) {
        if (delivery == null || delivery.method() == null || delivery.method() == Application.DeliveryMethod.UNKNOWN) {
            refuse(Code.INVALID_INPUT, "请选择领取方式 / delivery.method is required", "delivery", "method");
            return this;
        }
        if (delivery.method() == Application.DeliveryMethod.PICKUP) {
            if (!Ids.safe(delivery.serviceCenterId())) {
                refuse(Code.SERVICE_CENTER_UNAVAILABLE, "请选择可领取居住证的服务中心 / Choose a service centre that "
                        + "hands out permits", "delivery", "serviceCenterId");
            }
            return this;
        }
        address(delivery.address(), Code.DELIVERY_OUTSIDE_SHANGHAI, "delivery", "address");
        mobile(delivery.recipientMobile(), "delivery", "recipientMobile");
        return this;
    }

    private void address(AddressInput address, Code districtCode, String... field) {
        if (address == null) {
            refuse(Code.INVALID_INPUT, "请填写地址 / The address is required", field);
            return;
        }
        if (address.district() == null || ShanghaiDistrict.byChineseName(address.district()).isEmpty()) {
            String message = districtCode == Code.DELIVERY_OUTSIDE_SHANGHAI
                    ? "邮政直投仅限上海市地址 / Postal delivery is for Shanghai addresses only"
                    : "请选择上海市的区 / district must be one of Shanghai's 16 districts: " + ShanghaiDistrict.ALL_NAMES;
            refuse(districtCode, message, append(field, "district"));
        }
        text(address.street(), 30, append(field, "street"));
        text(address.detail(), 100, append(field, "detail"));
    }

    private void text(String value, int maxLength, String... field) {
        if (value == null || value.isBlank() || value.length() > maxLength || !TEXT.matcher(value).matches()) {
            refuse(Code.INVALID_INPUT, "须为1-" + maxLength + "个字符的文字 / must be 1-" + maxLength
                    + " characters of text", field);
        }
    }

    private void refuse(Code code, String message, String... field) {
        errors.add(UserError.at(code, message, field));
    }

    private static String[] append(String[] path, String last) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }
}
