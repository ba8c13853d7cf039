package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;

/** The mutations' GraphQL inputs, bound as records; the idempotency key is never part of what a key protects. */
final class SubmissionInputs {

    private SubmissionInputs() {
    }

    record AddressInput(String district, String street, String detail) {
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

        String proofLicenseId();

        KinshipCommitmentInput kinshipCommitment();

        DormitoryCertificateInput dormitoryCertificate();
    }

    record ResidenceRegistrationInput(String idempotencyKey, String forPersonId, AddressInput address,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, String proofLicenseId,
            KinshipCommitmentInput kinshipCommitment, DormitoryCertificateInput dormitoryCertificate, String mobile)
            implements ResidenceDeclaration {
    }

    record AddressChangeInput(String idempotencyKey, String forPersonId, AddressInput newAddress,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, String proofLicenseId,
            KinshipCommitmentInput kinshipCommitment, DormitoryCertificateInput dormitoryCertificate)
            implements ResidenceDeclaration {

        @Override
        public AddressInput address() {
            return newAddress;
        }
    }

    record DeliveryInput(Application.DeliveryMethod method, String serviceCenterId, AddressInput address,
            String recipientMobile) {
    }

    record ResidencePermitInput(String idempotencyKey, String forPersonId, String photoId, DeliveryInput delivery) {
    }

    record PermitLossInput(String idempotencyKey, String forPersonId) {
    }

    record PhotoChoiceInput(String idempotencyKey, String forPersonId, String photoId) {
    }
}
