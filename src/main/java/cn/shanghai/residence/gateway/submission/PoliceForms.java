package cn.shanghai.residence.gateway.submission;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;

/**
 * The form data police receives for each kind, built from an input that passed validation and the rules, and
 * the facts they were checked against. Pure: it decides nothing, it only writes down.
 */
final class PoliceForms {

    /** Postal delivery of a card costs 15 CNY, cash on delivery. */
    static final int DELIVERY_FEE_FEN = 1500;

    private PoliceForms() {
    }

    /** The new home: address, kind, move-in date, its proof, and the kinship letter or dormitory certificate. */
    static PoliceForm residence(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        Address address = in.address().toAddress();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("address", address);
        form.put("residenceType", in.residenceType().name());
        form.put("moveInDate", in.moveInDate().toString());
        form.put("appliedBy", applicant.callerId());
        SubmissionRules.proof(facts, in).ifPresent(proof -> form.put("proofLicenseId", proof));
        if (in.residenceType().dormitory() && in.dormitoryCertificate() != null) {
            form.put("dormitoryCertificate", Map.of("employerName", in.dormitoryCertificate().employerName(),
                    "certificateNo", in.dormitoryCertificate().certificateNo()));
        }
        if (!in.residenceType().relativesHome()) {
            return PoliceForm.of(form);
        }
        String applicantName = facts.name() == null ? applicant.personId() : facts.name();
        KinshipCommitment letter = KinshipCommitment.write(applicantName, in.kinshipCommitment(), address, facts.now());
        form.put("kinshipCommitment", Map.of("text", letter.text(), "relativeName", letter.relativeName(),
                "relativeIdNumber", letter.relativeIdNumber(), "relation", letter.relation().name(),
                "signatureConfirmed", true, "signedAt", letter.signedAt().toString()));
        return new PoliceForm(form, null, letter);
    }

    /** A registration is the home plus the mobile number police sends notices to. */
    static PoliceForm registration(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in,
            String mobile) {
        PoliceForm residence = residence(facts, applicant, in);
        Map<String, Object> form = new LinkedHashMap<>(residence.payload());
        form.put("mobile", mobile);
        return new PoliceForm(form, null, residence.kinshipCommitment());
    }

    /** The photo for the card and how the card reaches the applicant (POSTAL carries the 15 CNY). */
    static PoliceForm permit(Applicant applicant, String photoId, DeliveryInput delivery) {
        Map<String, Object> deliveryForm = new LinkedHashMap<>();
        deliveryForm.put("method", delivery.method().name());
        boolean pickup = delivery.method() == Application.DeliveryMethod.PICKUP;
        if (pickup) {
            deliveryForm.put("serviceCenterId", delivery.serviceCenterId());
        } else {
            deliveryForm.put("address", delivery.address().toAddress());
            deliveryForm.put("recipientMobile", delivery.recipientMobile());
            deliveryForm.put("codAmountFen", DELIVERY_FEE_FEN);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("photoId", photoId);
        form.put("delivery", deliveryForm);
        form.put("appliedBy", applicant.callerId());
        return new PoliceForm(form, new Application.Delivery(delivery.method(),
                pickup ? delivery.serviceCenterId() : null, null), null);
    }

    /** A loss report or its cancellation names the permit. */
    static PoliceForm permitState(SubmissionFacts facts, Applicant applicant) {
        return PoliceForm.of(Map.of("permitNo", facts.person().permit().permitNo(), "appliedBy", applicant.callerId()));
    }

    static PoliceForm photoChoice(Applicant applicant, String photoId) {
        return PoliceForm.of(Map.of("photoId", photoId, "appliedBy", applicant.callerId()));
    }
}
