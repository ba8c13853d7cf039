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
    /** Uploaded documents one declaration may offer. */
    static final int MATERIALS = 5;
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

    /**
     * A declared home; {@code addressPath} names its address field, and what precedes the last name is where the
     * declaration sits ({@code "address"} at the top, {@code "cardAddress", "address"} in a permit application).
     */
    InputValidation declaration(ResidenceDeclaration declaration, String... addressPath) {
        String[] at = Arrays.copyOf(addressPath, addressPath.length - 1);
        address(declaration.address(), Code.INVALID_INPUT, addressPath);
        if (declaration.residenceType() == null || declaration.residenceType() == ResidenceType.UNKNOWN) {
            refuse(Code.INVALID_INPUT, "请选择住所种类 / residenceType is required", append(at, "residenceType"));
        }
        LocalDate movedIn = declaration.moveInDate();
        if (movedIn == null || movedIn.isAfter(today)) {
            refuse(Code.INVALID_INPUT, "入住日期须在今天或之前 / moveInDate must be a date up to today",
                    append(at, "moveInDate"));
        }
        if (declaration.proofLicenseId() != null && !Ids.safe(declaration.proofLicenseId())) {
            refuse(Code.NOT_FOUND, "未找到该电子证照 / No e-license with this id", append(at, "proofLicenseId"));
        }
        ResidenceType type = declaration.residenceType();
        if (type != null && type.relativesHome()) {
            kinship(declaration.kinshipCommitment(), append(at, "kinshipCommitment"));
        }
        var certificate = declaration.dormitoryCertificate();
        if (type != null && type.dormitory() && certificate != null) {
            if (certificate.employerName() != null) {
                text(certificate.employerName(), 60, append(append(at, "dormitoryCertificate"), "employerName"));
            }
            if (certificate.certificateNo() != null) {
                text(certificate.certificateNo(), 40, append(append(at, "dormitoryCertificate"), "certificateNo"));
            }
        }
        materials(declaration.offeredMaterials(), append(at, "materials"));
        return this;
    }

    /** At most {@link #MATERIALS} uploaded documents, each named by a well-formed id and with its kind. */
    private void materials(List<SubmissionInputs.MaterialInput> materials, String... field) {
        if (materials.size() > MATERIALS) {
            refuse(Code.INVALID_INPUT, "最多上传" + MATERIALS + "份材料 / At most " + MATERIALS + " documents",
                    field);
            return;
        }
        for (int i = 0; i < materials.size(); i++) {
            String[] at = append(field, String.valueOf(i));
            if (materials.get(i) == null || !Ids.safe(materials.get(i).attachmentId())) {
                refuse(Code.NOT_FOUND, "未找到该上传材料 / No uploaded document with this id", append(at, "attachmentId"));
            } else if (materials.get(i).kind() == null) {
                refuse(Code.INVALID_INPUT, "请选择材料种类 / kind is required", append(at, "kind"));
            }
        }
    }

    private void kinship(SubmissionInputs.KinshipCommitmentInput kinship, String... field) {
        if (kinship == null || !Boolean.TRUE.equals(kinship.signatureConfirmed())) {
            refuse(Code.KINSHIP_COMMITMENT_REQUIRED, "居住在亲属家中的，须签名确认亲属关系承诺书 / Living in a relative's "
                    + "home needs the signed kinship commitment letter", field);
            return;
        }
        text(kinship.relativeName(), 30, append(field, "relativeName"));
        if (!IdNumbers.validIdNumber(kinship.relativeIdNumber())) {
            refuse(Code.INVALID_INPUT, "亲属身份证号码无效 / relativeIdNumber is not a valid ID number",
                    append(field, "relativeIdNumber"));
        }
        if (kinship.relation() == null) {
            refuse(Code.INVALID_INPUT, "请选择亲属关系 / relation is required", append(field, "relation"));
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
        if (delivery.recipientMobile() != null) {
            mobile(delivery.recipientMobile(), "delivery", "recipientMobile");
        }
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
