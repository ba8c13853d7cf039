package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Application.Kind;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.submission.SubmissionFacts.Need;

/**
 * The mutations' GraphQL inputs, bound as records. Each application input says only what differs from the others
 * (see {@link ApplicationInput}); the idempotency key is never part of what a key protects.
 */
final class SubmissionInputs {

    private SubmissionInputs() {
    }

    record AddressInput(String district, String street, String detail) {

        /** The address as police and housing hold it, without surrounding blanks. */
        Address toAddress() {
            return new Address(district.strip(), street.strip(), detail.strip());
        }
    }

    enum KinshipRelation { SPOUSE, PARENT, CHILD, GRANDPARENT, GRANDCHILD, SIBLING }

    record KinshipCommitmentInput(String relativeName, String relativeIdNumber, KinshipRelation relation,
            Boolean signatureConfirmed) {

        @Override
        public String toString() {
            return "KinshipCommitmentInput[relation=" + relation + ", personal data withheld]";
        }
    }

    record DormitoryCertificateInput(String employerName, String certificateNo) {
    }

    /** What registering and changing the address share: the new home and its proof. */
    interface ResidenceDeclaration {
        AddressInput address();

        ResidenceRegistration.ResidenceType residenceType();

        LocalDate moveInDate();

        @Nullable String proofLicenseId();

        @Nullable KinshipCommitmentInput kinshipCommitment();

        @Nullable DormitoryCertificateInput dormitoryCertificate();

        /** The facts a declaration needs: the applicant's own housing only for their own home. */
        default Set<Need> declarationNeeds() {
            Set<Need> needs = EnumSet.of(Need.REGISTRATION, Need.PROFILE);
            if (residenceType().ownHome()) {
                needs.add(Need.HOUSING);
            }
            return needs;
        }
    }

    record ResidenceRegistrationInput(String idempotencyKey, @Nullable String forPersonId, AddressInput address,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, @Nullable String proofLicenseId,
            @Nullable KinshipCommitmentInput kinshipCommitment,
            @Nullable DormitoryCertificateInput dormitoryCertificate, String mobile)
            implements ResidenceDeclaration, ApplicationInput {

        @Override
        public Kind kind() {
            return Kind.RESIDENCE_REGISTRATION;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            return validation.declaration(this, "address").mobile(mobile, "mobile");
        }

        @Override
        public Set<Need> needs() {
            return declarationNeeds();
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.registration(facts, applicant, this);
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.registration(facts, applicant, this, mobile);
        }
    }

    record AddressChangeInput(String idempotencyKey, @Nullable String forPersonId, AddressInput newAddress,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, @Nullable String proofLicenseId,
            @Nullable KinshipCommitmentInput kinshipCommitment,
            @Nullable DormitoryCertificateInput dormitoryCertificate)
            implements ResidenceDeclaration, ApplicationInput {

        @Override
        public AddressInput address() {
            return newAddress;
        }

        @Override
        public Kind kind() {
            return Kind.REGISTRATION_ADDRESS_CHANGE;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            return validation.declaration(this, "newAddress");
        }

        @Override
        public Set<Need> needs() {
            return declarationNeeds();
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.addressChange(facts, applicant, this);
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.residence(facts, applicant, this);
        }
    }

    record DeliveryInput(Application.DeliveryMethod method, @Nullable String serviceCenterId,
            @Nullable AddressInput address, @Nullable String recipientMobile) {
    }

    record ResidencePermitInput(String idempotencyKey, @Nullable String forPersonId, String photoId,
            DeliveryInput delivery) implements ApplicationInput {

        @Override
        public Kind kind() {
            return Kind.RESIDENCE_PERMIT_NEW;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            return validation.photo(photoId).delivery(delivery);
        }

        @Override
        public Set<Need> needs() {
            return delivery.method() == Application.DeliveryMethod.PICKUP
                    ? EnumSet.of(Need.REGISTRATION, Need.PERMIT, Need.PHOTOS, Need.SERVICE_CENTERS)
                    : EnumSet.of(Need.REGISTRATION, Need.PERMIT, Need.PHOTOS);
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.permit(facts, applicant, photoId, delivery.method(), delivery.serviceCenterId());
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.permit(applicant, photoId, delivery);
        }
    }

    /** Loss reports and their cancellations: no materials, only the permit's state matters to the rules. */
    interface PermitStateChange extends ApplicationInput {

        @Override
        default InputValidation validate(InputValidation validation) {
            return validation;
        }

        @Override
        default Set<Need> needs() {
            return EnumSet.of(Need.PERMIT);
        }

        @Override
        default PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.permitState(facts, applicant);
        }
    }

    /** {@code reportPermitLoss}: the GraphQL {@code PermitLossInput}. */
    record LossReportInput(String idempotencyKey, @Nullable String forPersonId) implements PermitStateChange {

        @Override
        public Kind kind() {
            return Kind.PERMIT_LOSS_REPORT;
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.lossReport(facts, applicant);
        }
    }

    /** {@code cancelPermitLoss}: the GraphQL {@code PermitLossInput}. */
    record LossCancelInput(String idempotencyKey, @Nullable String forPersonId) implements PermitStateChange {

        @Override
        public Kind kind() {
            return Kind.PERMIT_LOSS_CANCEL;
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.lossCancel(facts, applicant);
        }
    }

    record PhotoChoiceInput(String idempotencyKey, @Nullable String forPersonId, String photoId)
            implements ApplicationInput {

        @Override
        public Kind kind() {
            return Kind.PERMIT_PHOTO_CHANGE;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            return validation.photo(photoId);
        }

        @Override
        public Set<Need> needs() {
            return EnumSet.of(Need.PERMIT, Need.PHOTOS);
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.photoChoice(facts, applicant, photoId);
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.photoChoice(applicant, photoId);
        }
    }
}
