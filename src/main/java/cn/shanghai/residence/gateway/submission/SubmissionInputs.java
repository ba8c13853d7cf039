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

    record DormitoryCertificateInput(@Nullable String employerName, @Nullable String certificateNo) {
    }

    /** What an uploaded document ({@code POST /uploads/materials}) proves; whose it is follows from the kind of home. */
    enum MaterialKind {
        PROPERTY_CERTIFICATE, RENTAL_FILING_NOTICE, DORMITORY_CERTIFICATE;

        /** The document that proves this kind of home: a title, a filed contract, or the employer's certificate. */
        static MaterialKind proving(ResidenceRegistration.ResidenceType type) {
            return switch (type) {
                case OWN_PROPERTY, RELATIVE_PROPERTY -> PROPERTY_CERTIFICATE;
                case RENTED_HOUSING, RELATIVE_RENTED_HOUSING -> RENTAL_FILING_NOTICE;
                case COLLECTIVE_DORMITORY -> DORMITORY_CERTIFICATE;
                case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is refused by InputValidation first");
            };
        }
    }

    /** An uploaded document (police attachment) offered as a proof of the declared home. */
    record MaterialInput(String attachmentId, MaterialKind kind) {
    }

    /** What registering, changing the address and a permit's card address share: the home and its proof. */
    interface ResidenceDeclaration {
        AddressInput address();

        ResidenceRegistration.ResidenceType residenceType();

        LocalDate moveInDate();

        @Nullable String proofLicenseId();

        @Nullable KinshipCommitmentInput kinshipCommitment();

        @Nullable DormitoryCertificateInput dormitoryCertificate();

        @Nullable List<MaterialInput> materials();

        /** The uploaded documents offered, never null. */
        default List<MaterialInput> offeredMaterials() {
            return materials() == null ? List.of() : materials();
        }

        /**
         * The facts a declaration needs: the applicant's housing and e-licences for every kind (a relative's home
         * may be on the applicant's records too, e.g. a contract that lists them), and the attachments offered.
         */
        default Set<Need> declarationNeeds() {
            Set<Need> needs = EnumSet.of(Need.REGISTRATION, Need.PROFILE, Need.HOUSING);
            if (!offeredMaterials().isEmpty()) {
                needs.add(Need.ATTACHMENTS);
            }
            return needs;
        }
    }

    record ResidenceRegistrationInput(String idempotencyKey, @Nullable String forPersonId, AddressInput address,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, @Nullable String proofLicenseId,
            @Nullable KinshipCommitmentInput kinshipCommitment,
            @Nullable DormitoryCertificateInput dormitoryCertificate, @Nullable List<MaterialInput> materials,
            @Nullable String photoId, String mobile)
            implements ResidenceDeclaration, ApplicationInput {

        @Override
        public Kind kind() {
            return Kind.RESIDENCE_REGISTRATION;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            InputValidation checked = validation.declaration(this, "address").mobile(mobile, "mobile");
            return photoId == null ? checked : checked.photo(photoId);
        }

        @Override
        public Set<Need> needs() {
            Set<Need> needs = declarationNeeds();
            if (photoId != null) {
                needs.add(Need.PHOTOS);
            }
            return needs;
        }

        @Override
        public List<String> attachmentIds() {
            return attachmentIdsOf(this);
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.registration(facts, applicant, this, photoId);
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.registration(facts, applicant, this, photoId, mobile);
        }
    }

    record AddressChangeInput(String idempotencyKey, @Nullable String forPersonId, AddressInput newAddress,
            ResidenceRegistration.ResidenceType residenceType, LocalDate moveInDate, @Nullable String proofLicenseId,
            @Nullable KinshipCommitmentInput kinshipCommitment,
            @Nullable DormitoryCertificateInput dormitoryCertificate, @Nullable List<MaterialInput> materials)
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
        public List<String> attachmentIds() {
            return attachmentIdsOf(this);
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

    /**
     * A permit's card address other than the registration's (变更居住证地址): a home declared like a registration's,
     * with the proof its kind needs.
     */
    record CardAddressInput(AddressInput address, ResidenceRegistration.ResidenceType residenceType,
            LocalDate moveInDate, @Nullable String proofLicenseId, @Nullable KinshipCommitmentInput kinshipCommitment,
            @Nullable DormitoryCertificateInput dormitoryCertificate, @Nullable List<MaterialInput> materials)
            implements ResidenceDeclaration {
    }

    record ResidencePermitInput(String idempotencyKey, @Nullable String forPersonId, String photoId,
            DeliveryInput delivery, @Nullable CardAddressInput cardAddress) implements ApplicationInput {

        @Override
        public Kind kind() {
            return Kind.RESIDENCE_PERMIT_NEW;
        }

        @Override
        public InputValidation validate(InputValidation validation) {
            InputValidation checked = validation.photo(photoId).delivery(delivery);
            return cardAddress == null ? checked : checked.declaration(cardAddress, "cardAddress", "address");
        }

        @Override
        public Set<Need> needs() {
            Set<Need> needs = cardAddress == null ? EnumSet.of(Need.REGISTRATION, Need.PERMIT, Need.PHOTOS)
                    : EnumSet.copyOf(cardAddress.declarationNeeds());
            needs.addAll(EnumSet.of(Need.REGISTRATION, Need.PERMIT, Need.PHOTOS));
            needs.add(delivery.method() == Application.DeliveryMethod.PICKUP ? Need.SERVICE_CENTERS : Need.PROFILE);
            return needs;
        }

        @Override
        public List<String> attachmentIds() {
            return cardAddress == null ? List.of() : attachmentIdsOf(cardAddress);
        }

        @Override
        public List<UserError> refusals(SubmissionFacts facts, Applicant applicant) {
            return SubmissionRules.permit(facts, applicant, this);
        }

        @Override
        public PoliceForm form(SubmissionFacts facts, Applicant applicant) {
            return PoliceForms.permit(facts, applicant, this);
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

    private static List<String> attachmentIdsOf(ResidenceDeclaration declaration) {
        return declaration.offeredMaterials().stream().map(MaterialInput::attachmentId).distinct().toList();
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
            return EnumSet.of(Need.REGISTRATION, Need.PERMIT, Need.PHOTOS);
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
