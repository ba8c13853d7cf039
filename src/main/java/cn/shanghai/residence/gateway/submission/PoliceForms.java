package cn.shanghai.residence.gateway.submission;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DormitoryCertificateInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidencePermitInput;

/**
 * The form data police receives for each kind, built from an input that passed validation and the rules, and
 * the facts they were checked against. Pure: it decides nothing, it only writes down.
 */
final class PoliceForms {

    /** Postal delivery of a card costs 15 CNY, cash on delivery. */
    static final int DELIVERY_FEE_FEN = 1500;

    private PoliceForms() {
    }

    /**
     * The new home: address, kind, move-in date, its proof (the e-licence found, the uploaded documents), and the
     * kinship letter or the dormitory certificate's details.
     */
    static PoliceForm residence(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        Map<String, Object> form = home(facts, applicant, in);
        form.put("appliedBy", applicant.callerId());
        return new PoliceForm(form, null, kinshipLetter(facts, applicant, in));
    }

    /** A registration is the home, the photo if one was chosen, and the mobile number police sends notices to. */
    static PoliceForm registration(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in,
            @Nullable String photoId, String mobile) {
        PoliceForm residence = residence(facts, applicant, in);
        Map<String, Object> form = new LinkedHashMap<>(residence.payload());
        if (photoId != null) {
            form.put("photoId", photoId);
        }
        form.put("mobile", mobile);
        return new PoliceForm(form, null, residence.kinshipCommitment());
    }

    /**
     * The photo for the card, how the card reaches the applicant (POSTAL carries the 15 CNY and the recipient's
     * mobile, the applicant's own on file when none is given), and the card address when it is not the
     * registration's.
     */
    static PoliceForm permit(SubmissionFacts facts, Applicant applicant, ResidencePermitInput in) {
        DeliveryInput delivery = in.delivery();
        Map<String, Object> deliveryForm = new LinkedHashMap<>();
        deliveryForm.put("method", delivery.method().name());
        boolean pickup = delivery.method() == Application.DeliveryMethod.PICKUP;
        if (pickup) {
            deliveryForm.put("serviceCenterId", delivery.serviceCenterId());
        } else {
            deliveryForm.put("address", delivery.address().toAddress());
            String mobile = delivery.recipientMobile() != null ? delivery.recipientMobile() : facts.mobile();
            if (mobile != null) {
                deliveryForm.put("recipientMobile", mobile);
            }
            deliveryForm.put("codAmountFen", DELIVERY_FEE_FEN);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("photoId", in.photoId());
        form.put("delivery", deliveryForm);
        KinshipCommitment letter = null;
        if (in.cardAddress() != null) {
            form.put("cardAddress", home(facts, applicant, in.cardAddress()));
            letter = kinshipLetter(facts, applicant, in.cardAddress());
        }
        form.put("appliedBy", applicant.callerId());
        return new PoliceForm(form, new Application.Delivery(delivery.method(),
                pickup ? delivery.serviceCenterId() : null, null), letter);
    }

    private static Map<String, Object> home(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("address", in.address().toAddress());
        form.put("residenceType", in.residenceType().name());
        form.put("moveInDate", in.moveInDate().toString());
        ResidenceProofs.check(facts, applicant, in).licenseId().ifPresent(proof -> form.put("proofLicenseId", proof));
        if (!in.offeredMaterials().isEmpty()) {
            form.put("attachmentIds", in.offeredMaterials().stream().map(MaterialInput::attachmentId).toList());
            form.put("materials", in.offeredMaterials().stream().map(PoliceForms::material).toList());
        }
        DormitoryCertificateInput certificate = in.dormitoryCertificate();
        if (in.residenceType().dormitory() && certificate != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (certificate.employerName() != null) {
                details.put("employerName", certificate.employerName());
            }
            if (certificate.certificateNo() != null) {
                details.put("certificateNo", certificate.certificateNo());
            }
            form.put("dormitoryCertificate", details);
        }
        KinshipCommitment letter = kinshipLetter(facts, applicant, in);
        if (letter != null) {
            form.put("kinshipCommitment", Map.of("text", letter.text(), "relativeName", letter.relativeName(),
                    "relativeIdNumber", letter.relativeIdNumber(), "relation", letter.relation().name(),
                    "signatureConfirmed", true, "signedAt", letter.signedAt().toString()));
        }
        return form;
    }

    /** An uploaded document as police reads it, its fields always in the same order. */
    private static Map<String, String> material(MaterialInput material) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("attachmentId", material.attachmentId());
        form.put("kind", material.kind().name());
        return form;
    }

    /** The kinship commitment letter the system writes for a relative's home (亲属关系承诺书); null otherwise. */
    private static @Nullable KinshipCommitment kinshipLetter(SubmissionFacts facts, Applicant applicant,
            ResidenceDeclaration in) {
        if (!in.residenceType().relativesHome()) {
            return null;
        }
        String applicantName = facts.name() == null ? applicant.personId() : facts.name();
        return KinshipCommitment.write(applicantName, in.kinshipCommitment(), in.address().toAddress(), facts.now());
    }

    /** A loss report or its cancellation names the permit. */
    static PoliceForm permitState(SubmissionFacts facts, Applicant applicant) {
        return PoliceForm.of(Map.of("permitNo", facts.person().permit().permitNo(), "appliedBy", applicant.callerId()));
    }

    static PoliceForm photoChoice(Applicant applicant, String photoId) {
        return PoliceForm.of(Map.of("photoId", photoId, "appliedBy", applicant.callerId()));
    }
}
