package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.shanghai.residence.gateway.citizen.Journey.Action;
import cn.shanghai.residence.gateway.citizen.Journey.ActionCode;
import cn.shanghai.residence.gateway.citizen.Journey.Blocker;
import cn.shanghai.residence.gateway.citizen.Journey.BlockerCode;
import cn.shanghai.residence.gateway.citizen.Journey.Stage;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Guardianship;

/**
 * The service's rules (DESIGN.md §2) turned into a journey: the stage a person is in, what they can do next and
 * what blocks them. Pure: the same facts always give the same journey.
 */
final class JourneyRules {

    /** Endorsement becomes due this many days before {@code validUntil}. */
    static final int ENDORSEMENT_WINDOW_DAYS = 30;

    private JourneyRules() {
    }

    static Journey journey(CitizenFacts facts) {
        List<Action> actions = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        Stage stage = stage(facts, actions, blockers);
        facts.moveSinceRegistration().ifPresent(contract -> actions.add(new Action(
                ActionCode.CHANGE_REGISTRATION_ADDRESS,
                Text.of("journey.action.CHANGE_REGISTRATION_ADDRESS", contract.startDate().plusDays(30)),
                null)));
        otherApplicationsInProgress(facts, followed(facts, stage), actions);
        standingRejections(facts, actions, blockers);
        if (facts.minor()) {
            blockers.add(new Blocker(BlockerCode.GUARDIAN_REQUIRED, Guardianship.RULE));
        }
        LocalDate eligibleFrom = facts.activeRegistration().map(ResidenceRegistration::eligibleFrom).orElse(null);
        return new Journey(stage, eligibleFrom, List.copyOf(actions), List.copyOf(blockers));
    }

    /**
     * The stage. Work in progress comes first: someone renewing an expired, lapsed or lost permit whose new permit
     * is on its way is in PERMIT_IN_PROGRESS, not told to apply again (which would be a duplicate).
     */
    private static Stage stage(CitizenFacts facts, List<Action> actions, List<Blocker> blockers) {
        Optional<Application> permitApplication = facts.openApplication(Application.Kind.RESIDENCE_PERMIT_NEW);
        if (permitApplication.isPresent()) {
            actions.add(trackPermit(permitApplication.get()));
            return Stage.PERMIT_IN_PROGRESS;
        }
        ResidencePermit permit = facts.permit();
        if (permit != null && permit.status() == ResidencePermit.Status.LOST) {
            actions.add(new Action(ActionCode.CANCEL_PERMIT_LOSS,
                    Text.of("journey.action.CANCEL_PERMIT_LOSS"), null));
            blockers.add(new Blocker(BlockerCode.PERMIT_LOST, Text.of("journey.blocker.PERMIT_LOST")));
            return Stage.PERMIT_LOST;
        }
        if (facts.permitLapsed()) {
            blockers.add(new Blocker(BlockerCode.PERMIT_EXPIRED,
                    Text.of("journey.blocker.PERMIT_EXPIRED.lapsed", permit.validUntil())));
            actions.add(new Action(ActionCode.RENEW_ENDORSEMENT_OFFLINE,
                    Text.of("journey.action.RENEW_ENDORSEMENT_OFFLINE"), null));
            return Stage.PERMIT_EXPIRED;
        }
        if (permit != null && permit.status() == ResidencePermit.Status.UNKNOWN) {
            return Stage.PERMIT_HOLDER;
        }
        if (permit != null && permit.status() != ResidencePermit.Status.VALID) {
            blockers.add(new Blocker(BlockerCode.PERMIT_EXPIRED,
                    Text.of("journey.blocker.PERMIT_EXPIRED")));
            if (facts.activeRegistration().isPresent()) {
                actions.add(applyForPermit());
            }
            return Stage.PERMIT_EXPIRED;
        }
        if (permit != null) {
            return permitHolder(facts, permit, actions, blockers);
        }
        Optional<ResidenceRegistration> registration = facts.activeRegistration();
        if (registration.isPresent()) {
            return registered(facts, registration.get(), actions, blockers);
        }
        Optional<Application> registering = facts.openApplication(Application.Kind.RESIDENCE_REGISTRATION);
        if (registering.isPresent()) {
            actions.add(trackRegistration(registering.get()));
            return Stage.REGISTRATION_IN_PROGRESS;
        }
        if (facts.registration() == null || facts.registration().status() != ResidenceRegistration.Status.UNKNOWN) {
            notRegistered(facts, actions, blockers);
        }
        return Stage.NOT_REGISTERED;
    }

    /** The application the stage itself is about, if any: its progress is already the stage's action. */
    private static Optional<Application> followed(CitizenFacts facts, Stage stage) {
        return switch (stage) {
            case PERMIT_IN_PROGRESS -> facts.openApplication(Application.Kind.RESIDENCE_PERMIT_NEW);
            case REGISTRATION_IN_PROGRESS -> facts.openApplication(Application.Kind.RESIDENCE_REGISTRATION);
            default -> Optional.empty();
        };
    }

    /**
     * The newest open application of every other kind: instead of offering that business again (a duplicate
     * police would refuse), follow it; what police asked for comes first, since only the resident can move it.
     */
    private static void otherApplicationsInProgress(CitizenFacts facts, Optional<Application> followed,
            List<Action> actions) {
        int supplements = 0;
        for (Application.Kind kind : Application.Kind.values()) {
            Optional<Application> open = facts.openApplication(kind).filter(application -> !followed.equals(
                    Optional.of(application)));
            if (open.isEmpty()) {
                continue;
            }
            startAction(kind).ifPresent(code -> actions.removeIf(action -> action.code() == code));
            Application application = open.get();
            if (application.status() == Application.Status.NEEDS_SUPPLEMENT) {
                actions.add(supplements++, supplement(application));
            } else {
                actions.add(new Action(ActionCode.TRACK_APPLICATION,
                        Text.of("journey.action.TRACK_APPLICATION", CitizenFacts.name(kind)), null));
            }
        }
    }

    /** The action that starts a business of this kind, where the journey offers one. */
    private static Optional<ActionCode> startAction(Application.Kind kind) {
        return switch (kind) {
            case REGISTRATION_ADDRESS_CHANGE -> Optional.of(ActionCode.CHANGE_REGISTRATION_ADDRESS);
            case PERMIT_LOSS_REPORT -> Optional.of(ActionCode.REPORT_PERMIT_LOSS);
            case PERMIT_LOSS_CANCEL -> Optional.of(ActionCode.CANCEL_PERMIT_LOSS);
            default -> Optional.empty();
        };
    }

    /**
     * Refusals that still stand, first among the blockers, with police's note. Applying again is offered where the
     * stage does not already offer it and the rules allow it: a registration or a permit is offered by its stage
     * (when eligible), a new address change to a registered person, a new photo to a permit holder.
     */
    private static void standingRejections(CitizenFacts facts, List<Action> actions, List<Blocker> blockers) {
        List<Blocker> refusals = new ArrayList<>();
        for (Application rejected : facts.standingRejections()) {
            refusals.add(new Blocker(BlockerCode.APPLICATION_REJECTED, refused(rejected)));
            applyAgain(facts, rejected.kind())
                    .filter(again -> actions.stream().noneMatch(action -> action.code() == again.code()))
                    .ifPresent(actions::add);
        }
        blockers.addAll(0, refusals);
    }

    private static Optional<Action> applyAgain(CitizenFacts facts, Application.Kind kind) {
        if (kind == Application.Kind.REGISTRATION_ADDRESS_CHANGE && facts.activeRegistration().isPresent()) {
            return Optional.of(new Action(ActionCode.CHANGE_REGISTRATION_ADDRESS,
                    Text.of("journey.action.CHANGE_REGISTRATION_ADDRESS.again"), null));
        }
        if (kind == Application.Kind.PERMIT_PHOTO_CHANGE && facts.permitInForce()) {
            return Optional.of(new Action(ActionCode.UPLOAD_PERMIT_PHOTO,
                    Text.of("journey.action.UPLOAD_PERMIT_PHOTO.again"), null));
        }
        return Optional.empty();
    }

    /** Police asked for more: their note says what. */
    private static Action supplement(Application application) {
        return new Action(ActionCode.SUPPLEMENT_APPLICATION, needsMore(application), null);
    }

    /** What police asked for, in their words (the journey's action and the reminder say the same). */
    static Text needsMore(Application application) {
        Text.Arg name = CitizenFacts.name(application.kind());
        return CitizenFacts.currentNote(application)
                .map(note -> Text.of("application.NEEDS_SUPPLEMENT.note", name, note))
                .orElse(Text.of("application.NEEDS_SUPPLEMENT", name));
    }

    /** Why police refused, in their words (the journey's blocker and the reminder say the same). */
    static Text refused(Application application) {
        Text.Arg name = CitizenFacts.name(application.kind());
        return CitizenFacts.currentNote(application)
                .map(note -> Text.of("application.REJECTED.note", name, note))
                .orElse(Text.of("application.REJECTED", name));
    }

    private static Action trackRegistration(Application application) {
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> supplement(application);
            case APPROVED -> new Action(ActionCode.TRACK_REGISTRATION,
                    Text.of("journey.action.TRACK_REGISTRATION.approved"), null);
            default -> new Action(ActionCode.TRACK_REGISTRATION,
                    Text.of("journey.action.TRACK_REGISTRATION"), null);
        };
    }

    private static Stage permitHolder(CitizenFacts facts, ResidencePermit permit, List<Action> actions,
            List<Blocker> blockers) {
        actions.add(new Action(ActionCode.REPORT_PERMIT_LOSS,
                Text.of("journey.action.REPORT_PERMIT_LOSS"), null));
        boolean due = !permit.validUntil().isAfter(facts.today().plusDays(ENDORSEMENT_WINDOW_DAYS));
        boolean autoFailed = permit.autoEndorsement() != null && !permit.autoEndorsement().eligible();
        if (autoFailed) {
            blockers.add(new Blocker(BlockerCode.AUTO_ENDORSEMENT_FAILED,
                    CitizenFacts.policeSaid(permit.autoEndorsement().reason())
                            .map(reason -> Text.of("journey.blocker.AUTO_ENDORSEMENT_FAILED.reason", reason))
                            .orElse(Text.of("journey.blocker.AUTO_ENDORSEMENT_FAILED"))));
            actions.add(0, new Action(ActionCode.RENEW_ENDORSEMENT_OFFLINE,
                    Text.of("journey.action.RENEW_ENDORSEMENT_OFFLINE.by", permit.validUntil()), null));
        }
        return due ? Stage.ENDORSEMENT_DUE : Stage.PERMIT_HOLDER;
    }

    private static Stage registered(CitizenFacts facts, ResidenceRegistration registration, List<Action> actions,
            List<Blocker> blockers) {
        LocalDate eligibleFrom = registration.eligibleFrom();
        if (facts.today().isBefore(eligibleFrom)) {
            actions.add(new Action(ActionCode.WAIT_FOR_PERMIT_ELIGIBILITY,
                    Text.of("journey.action.WAIT_FOR_PERMIT_ELIGIBILITY", eligibleFrom), eligibleFrom));
            blockers.add(new Blocker(BlockerCode.REGISTRATION_TOO_RECENT,
                    Text.of("journey.blocker.REGISTRATION_TOO_RECENT")));
            return Stage.REGISTERED_WAITING;
        }
        actions.add(applyForPermit());
        if (!facts.hasCompliantPhoto()) {
            actions.add(new Action(ActionCode.UPLOAD_PERMIT_PHOTO,
                    Text.of("journey.action.UPLOAD_PERMIT_PHOTO"), null));
            blockers.add(new Blocker(BlockerCode.PHOTO_NOT_COMPLIANT,
                    Text.of("journey.blocker.PHOTO_NOT_COMPLIANT")));
        }
        return Stage.ELIGIBLE_FOR_PERMIT;
    }

    /**
     * Someone never registered. With a home of their own on file that proves residence, they register on it. Without
     * one they may still live lawfully where the seed allows (住所种类: a relative's property or rented home, with the
     * kinship commitment letter; an employer's collective dormitory, with its certificate), so registration is offered
     * beside the rental filing, and nothing on their own record stands in its way: the proof those homes need is
     * not the applicant's and comes with the application (an unproven home of their own on file, e.g. a lease that
     * ended, does not stop them registering where they live now). What their own record does say is kept as a
     * blocker of that home only: an office or shop is never a residence (NON_RESIDENTIAL_HOUSING), and a rented home whose
     * contract is not filed and in force proves nothing until it is (NO_RESIDENCE_PROOF, then filing is the way).
     */
    private static void notRegistered(CitizenFacts facts, List<Action> actions, List<Blocker> blockers) {
        if (facts.hasResidentialProof()) {
            actions.add(new Action(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                    Text.of("journey.action.APPLY_RESIDENCE_REGISTRATION.proofOnFile"), null));
            return;
        }
        boolean ownHomeUnproven = !facts.housing().isEmpty() && !facts.onlyNonResidentialHousing();
        if (facts.onlyNonResidentialHousing()) {
            blockers.add(new Blocker(BlockerCode.NON_RESIDENTIAL_HOUSING,
                    Text.of("journey.blocker.NON_RESIDENTIAL_HOUSING")));
        } else if (ownHomeUnproven) {
            blockers.add(new Blocker(BlockerCode.NO_RESIDENCE_PROOF,
                    Text.of("journey.blocker.NO_RESIDENCE_PROOF")));
        }
        actions.add(new Action(ActionCode.APPLY_RESIDENCE_REGISTRATION,
                Text.of("journey.action.APPLY_RESIDENCE_REGISTRATION"), null));
        actions.add(new Action(ActionCode.FILE_RENTAL_CONTRACT,
                Text.of("journey.action.FILE_RENTAL_CONTRACT"), null));
    }

    private static Action applyForPermit() {
        return new Action(ActionCode.APPLY_RESIDENCE_PERMIT,
                Text.of("journey.action.APPLY_RESIDENCE_PERMIT"), null);
    }

    private static Action trackPermit(Application application) {
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> supplement(application);
            case APPROVED -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    Text.of("journey.action.TRACK_PERMIT_APPLICATION.approved"), null);
            case IN_PRODUCTION -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    Text.of("journey.action.TRACK_PERMIT_APPLICATION.inProduction"), null);
            case READY_FOR_PICKUP -> new Action(ActionCode.PICK_UP_PERMIT,
                    Text.of("journey.action.PICK_UP_PERMIT"), null);
            case SHIPPED -> new Action(ActionCode.TRACK_DELIVERY,
                    Text.of("journey.action.TRACK_DELIVERY"), null);
            default -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    Text.of("journey.action.TRACK_PERMIT_APPLICATION"), null);
        };
    }
}
