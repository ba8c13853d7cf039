package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.DeliveryInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidencePermitInput;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.submission.UserError.Code;

/**
 * The service's rules (DESIGN.md §2) for each kind of application, checked against the gathered facts before
 * anything is submitted, each refusal with its own code. Pure: the same facts and input always give the same
 * refusals, in the same order.
 */
final class SubmissionRules {

    private SubmissionRules() {
    }

    static List<UserError> registration(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in,
            @Nullable String photoId) {
        List<UserError> refusals = residence(facts, applicant, in);
        facts.person().activeRegistration().ifPresent(active -> refusals.add(UserError.of(Code.ALREADY_REGISTERED,
                Text.of("userError.ALREADY_REGISTERED"))));
        if (photoId != null) {
            photo(facts, photoId).ifPresent(refusals::add);
        }
        return refusals;
    }

    static List<UserError> addressChange(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in) {
        List<UserError> refusals = residence(facts, applicant, in);
        if (facts.person().activeRegistration().isEmpty()) {
            refusals.add(notRegistered());
        }
        return refusals;
    }

    static List<UserError> permit(SubmissionFacts facts, Applicant applicant, ResidencePermitInput in) {
        List<UserError> refusals = guardian(facts, applicant);
        Optional<ResidenceRegistration> registration = facts.person().activeRegistration();
        if (registration.isEmpty()) {
            refusals.add(notRegistered());
        } else if (facts.today().isBefore(registration.get().eligibleFrom())) {
            LocalDate from = registration.get().eligibleFrom();
            refusals.add(UserError.of(Code.REGISTRATION_TOO_RECENT,
                    Text.of("userError.REGISTRATION_TOO_RECENT", from)));
        }
        if (validPermit(facts).isPresent()) {
            refusals.add(UserError.of(Code.PERMIT_ALREADY_VALID,
                    Text.of("userError.PERMIT_ALREADY_VALID")));
        }
        photo(facts, in.photoId()).ifPresent(refusals::add);
        DeliveryInput delivery = in.delivery();
        if (delivery.method() == Application.DeliveryMethod.PICKUP && facts.serviceCenters().stream()
                .noneMatch(c -> c.centerId().equals(delivery.serviceCenterId()) && c.acceptsPermitPickup())) {
            refusals.add(UserError.at(Code.SERVICE_CENTER_UNAVAILABLE,
                    Text.of("userError.SERVICE_CENTER_UNAVAILABLE"), "delivery", "serviceCenterId"));
        }
        if (in.cardAddress() != null) {
            refusals.addAll(ResidenceProofs.check(facts, applicant, in.cardAddress(), "cardAddress").refusals());
        }
        return refusals;
    }

    static List<UserError> lossReport(SubmissionFacts facts, Applicant applicant) {
        return permitState(facts, applicant, permit -> permit.status() == ResidencePermit.Status.LOST,
                UserError.of(Code.PERMIT_ALREADY_LOST, Text.of("userError.PERMIT_ALREADY_LOST")));
    }

    static List<UserError> lossCancel(SubmissionFacts facts, Applicant applicant) {
        return permitState(facts, applicant, permit -> permit.status() != ResidencePermit.Status.LOST,
                UserError.of(Code.PERMIT_NOT_LOST, Text.of("userError.PERMIT_NOT_LOST")));
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

    /**
     * Choosing the card's photo (我的居住证照片): for the permit held, for one applied for, or ahead of a first
     * application (the seed's flow "no usable photo: go and take one, then choose it"), so only for someone who
     * holds a valid permit or is registered.
     */
    static List<UserError> photoChoice(SubmissionFacts facts, Applicant applicant, String photoId) {
        List<UserError> refusals = guardian(facts, applicant);
        if (validPermit(facts).isEmpty() && facts.person().activeRegistration().isEmpty()) {
            refusals.add(notRegistered());
        }
        photo(facts, photoId).ifPresent(refusals::add);
        return refusals;
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
        refusals.addAll(ResidenceProofs.check(facts, applicant, in).refusals());
        return refusals;
    }

    /** The person's own photo, usable for the permit: 358 × 441 px, 350 dpi, white background. */
    private static Optional<UserError> photo(SubmissionFacts facts, String photoId) {
        Optional<Photo> photo = facts.person().photos().stream().filter(p -> p.photoId().equals(photoId)).findFirst();
        if (photo.isEmpty()) {
            return Optional.of(UserError.at(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.photoId"), "photoId"));
        }
        if (!photo.get().compliant()) {
            return Optional.of(UserError.at(Code.PHOTO_NOT_COMPLIANT,
                    Text.of("userError.PHOTO_NOT_COMPLIANT", String.join(", ", photo.get().nonCompliance())),
                    "photoId"));
        }
        return Optional.empty();
    }

    private static Optional<ResidencePermit> validPermit(SubmissionFacts facts) {
        return Optional.ofNullable(facts.person().permit()).filter(p -> p.status() == ResidencePermit.Status.VALID);
    }

    private static UserError notRegistered() {
        return UserError.of(Code.NOT_REGISTERED, Text.of("userError.NOT_REGISTERED"));
    }

    private static UserError permitRequired() {
        return UserError.of(Code.PERMIT_REQUIRED, Text.of("userError.PERMIT_REQUIRED"));
    }
}
