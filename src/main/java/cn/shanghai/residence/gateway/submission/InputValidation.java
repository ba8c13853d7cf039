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
import cn.shanghai.residence.gateway.i18n.Text;
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
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.idempotencyKey"), "idempotencyKey");
        }
        if (forPersonId != null && !Ids.safe(forPersonId)) {
            refuse(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.forPersonId"), "forPersonId");
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
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.residenceType"), append(at, "residenceType"));
        }
        LocalDate movedIn = declaration.moveInDate();
        if (movedIn == null || movedIn.isAfter(today)) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.moveInDate"), append(at, "moveInDate"));
        }
        if (declaration.proofLicenseId() != null && !Ids.safe(declaration.proofLicenseId())) {
            refuse(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.proofLicenseId"), append(at, "proofLicenseId"));
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
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.materials", MATERIALS), field);
            return;
        }
        for (int i = 0; i < materials.size(); i++) {
            String[] at = append(field, String.valueOf(i));
            if (materials.get(i) == null || !Ids.safe(materials.get(i).attachmentId())) {
                refuse(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.attachmentId"), append(at, "attachmentId"));
            } else if (materials.get(i).kind() == null) {
                refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.materialKind"), append(at, "kind"));
            }
        }
    }

    private void kinship(SubmissionInputs.KinshipCommitmentInput kinship, String... field) {
        if (kinship == null || !Boolean.TRUE.equals(kinship.signatureConfirmed())) {
            refuse(Code.KINSHIP_COMMITMENT_REQUIRED, Text.of("userError.KINSHIP_COMMITMENT_REQUIRED"), field);
            return;
        }
        text(kinship.relativeName(), 30, append(field, "relativeName"));
        if (!IdNumbers.validIdNumber(kinship.relativeIdNumber())) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.relativeIdNumber"), append(field, "relativeIdNumber"));
        }
        if (kinship.relation() == null) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.relation"), append(field, "relation"));
        }
    }

    InputValidation mobile(String mobile, String... field) {
        if (!IdNumbers.validMobile(mobile)) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.mobile"), field);
        }
        return this;
    }

    InputValidation photo(String photoId) {
        if (!Ids.safe(photoId)) {
            refuse(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.photoId"), "photoId");
        }
        return this;
    }

    InputValidation delivery(DeliveryInput delivery) {
        if (delivery == null || delivery.method() == null || delivery.method() == Application.DeliveryMethod.UNKNOWN) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.deliveryMethod"), "delivery", "method");
            return this;
        }
        if (delivery.method() == Application.DeliveryMethod.PICKUP) {
            if (!Ids.safe(delivery.serviceCenterId())) {
                refuse(Code.SERVICE_CENTER_UNAVAILABLE, Text.of("userError.SERVICE_CENTER_UNAVAILABLE.required"), "delivery", "serviceCenterId");
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
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.address"), field);
            return;
        }
        if (address.district() == null || ShanghaiDistrict.byChineseName(address.district()).isEmpty()) {
            Text message = districtCode == Code.DELIVERY_OUTSIDE_SHANGHAI
                    ? Text.of("userError.DELIVERY_OUTSIDE_SHANGHAI")
                    : Text.of("userError.INVALID_INPUT.district", ShanghaiDistrict.ALL_NAMES);
            refuse(districtCode, message, append(field, "district"));
        }
        text(address.street(), 30, append(field, "street"));
        text(address.detail(), 100, append(field, "detail"));
    }

    private void text(String value, int maxLength, String... field) {
        if (value == null || value.isBlank() || value.length() > maxLength || !TEXT.matcher(value).matches()) {
            refuse(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.text", maxLength), field);
        }
    }

    private void refuse(Code code, Text message, String... field) {
        errors.add(UserError.at(code, message, field));
    }

    private static String[] append(String[] path, String last) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }
}
