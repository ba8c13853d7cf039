package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.housing.HousingRecords;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.submission.UserError.Code;

/**
 * The service's rules (DESIGN.md §2) for each kind of application, checked against the gathered facts before
 * anything is submitted, each refusal with its own code. Pure: the same facts and input always give the same
 * refusals, in the same order.
 */
final class SubmissionRules {

    private SubmissionRules() {
    }

    static List<UserError> registration(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        List<UserError> refusals = residence(facts, applicant, in);
        facts.person().activeRegistration().ifPresent(active -> refusals.add(UserError.of(Code.ALREADY_REGISTERED,
                "已办理居住登记，搬家请办理地址变更 / Already registered; declare a move as an address change")));
        return refusals;
    }

    static List<UserError> addressChange(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        List<UserError> refusals = residence(facts, applicant, in);
        if (facts.person().activeRegistration().isEmpty()) {
            refusals.add(notRegistered());
        }
        return refusals;
    }

    static List<UserError> permit(SubmissionFacts facts, Applicant applicant, String photoId,
            Application.DeliveryMethod method, @Nullable String serviceCenterId) {
        List<UserError> refusals = guardian(facts, applicant);
        Optional<ResidenceRegistration> registration = facts.person().activeRegistration();
        if (registration.isEmpty()) {
            refusals.add(notRegistered());
        } else if (facts.today().isBefore(registration.get().eligibleFrom())) {
            LocalDate from = registration.get().eligibleFrom();
            refusals.add(UserError.of(Code.REGISTRATION_TOO_RECENT, "居住登记满6个月方可申办，可于 " + from
                    + " 起申请 / A permit needs 6 months of registration; apply from " + from));
        }
        if (validPermit(facts).isPresent()) {
            refusals.add(UserError.of(Code.PERMIT_ALREADY_VALID, "已持有有效居住证，到期前请办理签注 / A valid permit "
                    + "is held; renew it by endorsement"));
        }
        photo(facts, photoId).ifPresent(refusals::add);
        if (method == Application.DeliveryMethod.PICKUP && facts.serviceCenters().stream()
                .noneMatch(c -> c.centerId().equals(serviceCenterId) && c.acceptsPermitPickup())) {
            refusals.add(UserError.at(Code.SERVICE_CENTER_UNAVAILABLE, "该服务中心不提供居住证领取 / This service "
                    + "centre does not hand out permits", "delivery", "serviceCenterId"));
        }
        return refusals;
    }

    static List<UserError> lossReport(SubmissionFacts facts, Applicant applicant) {
        return permitState(facts, applicant, permit -> permit.status() == ResidencePermit.Status.LOST,
                UserError.of(Code.PERMIT_ALREADY_LOST, "居住证已处于挂失状态 / The permit is already reported lost"));
    }

    static List<UserError> lossCancel(SubmissionFacts facts, Applicant applicant) {
        return permitState(facts, applicant, permit -> permit.status() != ResidencePermit.Status.LOST,
                UserError.of(Code.PERMIT_NOT_LOST, "居住证未挂失，无需解挂 / The permit is not reported lost"));
    }

    /** A change of the permit's state needs a permit, and one in the state the change starts from. */
    private static List<UserError> permitState(SubmissionFacts facts, Applicant applicant,
            Predicate<ResidencePermit> wrongState, UserError refusal) {
        List<UserError> refusals = guardian(facts, applicant);
        ResidencePermit permit = facts.person().permit();
        if (permit == null) {
            refusals.add(permitRequired());
        } else if (wrongState.test(permit)) {
            refusals.add(refusal);
        }
        return refusals;
    }

    static List<UserError> photoChoice(SubmissionFacts facts, Applicant applicant, String photoId) {
        List<UserError> refusals = guardian(facts, applicant);
        if (validPermit(facts).isEmpty()) {
            refusals.add(permitRequired());
        }
        photo(facts, photoId).ifPresent(refusals::add);
        return refusals;
    }

    /**
     * The e-licence proving the declared home, when the kind is one the applicant's own records prove (own or
     * rented home): the one offered, or the first on file. Empty for other kinds, or when there is none.
     */
    static Optional<String> proof(SubmissionFacts facts, ResidenceDeclaration in) {
        return proofCheck(facts, in).licenseId();
    }

    /** A resident under 16 does not apply for themselves: their guardian does. */
    private static List<UserError> guardian(SubmissionFacts facts, Applicant applicant) {
        List<UserError> refusals = new ArrayList<>();
        if (applicant.forSelf() && facts.person().minor()) {
            refusals.add(UserError.of(Code.GUARDIAN_REQUIRED, Guardianship.RULE));
        }
        return refusals;
    }

    /** The home and its proof, shared by registration and address change. */
    private static List<UserError> residence(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        List<UserError> refusals = guardian(facts, applicant);
        proofCheck(facts, in).refusal().ifPresent(refusals::add);
        return refusals;
    }

    private record ProofCheck(Optional<String> licenseId, Optional<UserError> refusal) {

        static ProofCheck proven(String licenseId) {
            return new ProofCheck(Optional.of(licenseId), Optional.empty());
        }

        static ProofCheck refused(UserError refusal) {
            return new ProofCheck(Optional.empty(), Optional.of(refusal));
        }
    }

    /**
     * A lawful, stable, residential home: the e-licence offered must be one of the applicant's property
     * certificates or filing notices and not of a non-residential home; without an offer, one on file is taken.
     * A relative's home is proven by the kinship letter and a dormitory by the employer's certificate.
     */
    private static ProofCheck proofCheck(SubmissionFacts facts, ResidenceDeclaration in) {
        if (in.residenceType() == null || !in.residenceType().ownHome()) {
            return new ProofCheck(Optional.empty(), Optional.empty());
        }
        HousingRecords housing = facts.person().housing();
        String offered = in.proofLicenseId();
        if (offered != null) {
            boolean known = facts.eLicenses().stream().anyMatch(l -> l.licenseId().equals(offered)
                    && (l.type() == ELicense.Type.PROPERTY_CERTIFICATE || l.type() == ELicense.Type.RENTAL_FILING_NOTICE));
            if (!known) {
                return ProofCheck.refused(UserError.at(Code.NOT_FOUND, "未找到该房屋证明电子证照 / No property "
                        + "certificate or rental filing notice with this id", "proofLicenseId"));
            }
            return housing.nonResidential(offered) ? ProofCheck.refused(nonResidential("proofLicenseId"))
                    : ProofCheck.proven(offered);
        }
        return housing.proofOn(facts.today()).map(ProofCheck::proven)
                .orElseGet(() -> ProofCheck.refused(housing.isEmpty()
                        ? UserError.of(Code.NO_RESIDENCE_PROOF, "须有房屋产权证明或已备案的住房租赁合同 / A property "
                                + "certificate or a filed rental contract is needed")
                        : nonResidential(null)));
    }

    /** The person's own photo, usable for the permit: 358 × 441 px, 350 dpi, white background. */
    private static Optional<UserError> photo(SubmissionFacts facts, String photoId) {
        Optional<Photo> photo = facts.person().photos().stream().filter(p -> p.photoId().equals(photoId)).findFirst();
        if (photo.isEmpty()) {
            return Optional.of(UserError.at(Code.NOT_FOUND, "未找到该照片 / No photo with this id", "photoId"));
        }
        if (!photo.get().compliant()) {
            return Optional.of(UserError.at(Code.PHOTO_NOT_COMPLIANT, "照片须为358×441像素、350dpi、白底近期彩色正面照 "
                    + "/ The photo must be 358×441 px, 350 dpi, white background: it breaks "
                    + String.join(", ", photo.get().nonCompliance()), "photoId"));
        }
        return Optional.empty();
    }

    private static Optional<ResidencePermit> validPermit(SubmissionFacts facts) {
        return Optional.ofNullable(facts.person().permit()).filter(p -> p.status() == ResidencePermit.Status.VALID);
    }

    private static UserError nonResidential(@Nullable String field) {
        String message = "商铺、办公、厂房等非居住用房不能作为居住登记住所 / Shops, offices and factories cannot be "
                + "registered as a residence";
        return field == null ? UserError.of(Code.NON_RESIDENTIAL_HOUSING, message)
                : UserError.at(Code.NON_RESIDENTIAL_HOUSING, message, field);
    }

    private static UserError notRegistered() {
        return UserError.of(Code.NOT_REGISTERED, "尚未办理居住登记 / There is no residence registration yet");
    }

    private static UserError permitRequired() {
        return UserError.of(Code.PERMIT_REQUIRED, "未持有居住证 / There is no residence permit");
    }
}
