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
                "已搬家请于 " + contract.startDate().plusDays(30) + " 前变更居住登记地址 / Declare your new address by "
                        + contract.startDate().plusDays(30),
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
                    "如已找回居住证，可在线解挂 / Found it again? Cancel the loss report online", null));
            blockers.add(new Blocker(BlockerCode.PERMIT_LOST, "居住证已挂失 / The permit is reported lost"));
            return Stage.PERMIT_LOST;
        }
        if (facts.permitLapsed()) {
            blockers.add(new Blocker(BlockerCode.PERMIT_EXPIRED, "居住证签注已于 " + permit.validUntil()
                    + " 过期，请到服务中心办理 / The endorsement lapsed on " + permit.validUntil()
                    + "; renew it at a service centre"));
            actions.add(new Action(ActionCode.RENEW_ENDORSEMENT_OFFLINE, "请到社区事务受理服务中心办理签注 / Renew the "
                    + "endorsement at a service centre", null));
            return Stage.PERMIT_EXPIRED;
        }
        if (permit != null && permit.status() == ResidencePermit.Status.UNKNOWN) {
            return Stage.PERMIT_HOLDER;
        }
        if (permit != null && permit.status() != ResidencePermit.Status.VALID) {
            blockers.add(new Blocker(BlockerCode.PERMIT_EXPIRED,
                    "居住证已失效，需重新申办 / The permit is no longer valid; apply again"));
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
                CitizenFacts.KindName name = CitizenFacts.name(kind);
                actions.add(new Action(ActionCode.TRACK_APPLICATION, name.zh() + "办理中，可查看办理进度 / Your "
                        + name.en() + " is being processed; follow its progress", null));
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
                    "可重新申请居住登记地址变更 / You may apply for the address change again", null));
        }
        if (kind == Application.Kind.PERMIT_PHOTO_CHANGE && facts.permitInForce()) {
            return Optional.of(new Action(ActionCode.UPLOAD_PERMIT_PHOTO,
                    "请选择或上传358×441像素、350dpi、白底的近期彩色正面照后重新申请 / Choose or upload a recent colour "
                            + "frontal photo, 358×441 px, 350 dpi, white background, and apply again", null));
        }
        return Optional.empty();
    }

    /** Police asked for more: their note says what. */
    private static Action supplement(Application application) {
        return new Action(ActionCode.SUPPLEMENT_APPLICATION, needsMore(application), null);
    }

    /** What police asked for, in their words (the journey's action and the reminder say the same). */
    static String needsMore(Application application) {
        CitizenFacts.KindName name = CitizenFacts.name(application.kind());
        return CitizenFacts.currentNote(application)
                .map(note -> name.zh() + "需补充材料：" + note + " / Your " + name.en() + " needs more from you: " + note)
                .orElse(name.zh() + "需补充材料，请查看办理进度中派出所的要求 / Your " + name.en()
                        + " needs more from you; see police's request in its progress");
    }

    /** Why police refused, in their words (the journey's blocker and the reminder say the same). */
    static String refused(Application application) {
        CitizenFacts.KindName name = CitizenFacts.name(application.kind());
        return CitizenFacts.currentNote(application)
                .map(note -> name.zh() + "未通过：" + note + " / Your " + name.en() + " was refused: " + note)
                .orElse(name.zh() + "未通过审核 / Your " + name.en() + " was refused");
    }

    private static Action trackRegistration(Application application) {
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> supplement(application);
            case APPROVED -> new Action(ActionCode.TRACK_REGISTRATION,
                    "居住登记已审核通过，1个工作日内制发电子《居住登记凭证》 / Registration approved; the e-certificate "
                            + "follows within 1 working day", null);
            default -> new Action(ActionCode.TRACK_REGISTRATION,
                    "居住登记审核中，1个工作日内制发电子凭证 / Registration under review; the e-certificate follows "
                            + "within 1 working day", null);
        };
    }

    private static Stage permitHolder(CitizenFacts facts, ResidencePermit permit, List<Action> actions,
            List<Blocker> blockers) {
        actions.add(new Action(ActionCode.REPORT_PERMIT_LOSS,
                "居住证遗失可在线挂失，无需材料 / Lost the card? Report it online, no documents needed", null));
        boolean due = !permit.validUntil().isAfter(facts.today().plusDays(ENDORSEMENT_WINDOW_DAYS));
        boolean autoFailed = permit.autoEndorsement() != null && !permit.autoEndorsement().eligible();
        if (autoFailed) {
            blockers.add(new Blocker(BlockerCode.AUTO_ENDORSEMENT_FAILED,
                    CitizenFacts.policeSaid(permit.autoEndorsement().reason())
                            .map(reason -> "自动签注未通过：" + reason + " / Automatic endorsement failed; police's reason: "
                                    + reason)
                            .orElse("自动签注未通过：公安核查未在登记地址居住 / Automatic endorsement failed: police found "
                                    + "you do not live at the registered address")));
            actions.add(0, new Action(ActionCode.RENEW_ENDORSEMENT_OFFLINE,
                    "请于 " + permit.validUntil() + " 前到社区事务受理服务中心办理签注 / Renew the endorsement at a "
                            + "service centre by " + permit.validUntil(), null));
        }
        return due ? Stage.ENDORSEMENT_DUE : Stage.PERMIT_HOLDER;
    }

    private static Stage registered(CitizenFacts facts, ResidenceRegistration registration, List<Action> actions,
            List<Blocker> blockers) {
        LocalDate eligibleFrom = registration.eligibleFrom();
        if (facts.today().isBefore(eligibleFrom)) {
            actions.add(new Action(ActionCode.WAIT_FOR_PERMIT_ELIGIBILITY,
                    "可于 " + eligibleFrom + " 起申办居住证 / You can apply for a residence permit from " + eligibleFrom,
                    eligibleFrom));
            blockers.add(new Blocker(BlockerCode.REGISTRATION_TOO_RECENT,
                    "居住登记满6个月方可申办居住证 / A permit needs 6 full months of residence registration"));
            return Stage.REGISTERED_WAITING;
        }
        actions.add(applyForPermit());
        if (!facts.hasCompliantPhoto()) {
            actions.add(new Action(ActionCode.UPLOAD_PERMIT_PHOTO,
                    "请上传358×441像素、350dpi、白底的近期彩色正面照 / Upload a recent colour frontal photo, "
                            + "358×441 px, 350 dpi, white background", null));
            blockers.add(new Blocker(BlockerCode.PHOTO_NOT_COMPLIANT,
                    "没有符合要求的证件照 / No photo on file meets the permit photo rules"));
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
                    "可在线办理居住登记，房屋证明自动复用 / Register your residence online; your housing proof is "
                            + "reused", null));
            return;
        }
        boolean ownHomeUnproven = !facts.housing().isEmpty() && !facts.onlyNonResidentialHousing();
        if (facts.onlyNonResidentialHousing()) {
            blockers.add(new Blocker(BlockerCode.NON_RESIDENTIAL_HOUSING,
                    "名下房屋为商铺、办公、厂房等非居住用房，不能作为居住登记的住所 / The housing in your name is not "
                            + "residential (a shop, an office, a factory) and cannot be registered as your residence"));
        } else if (ownHomeUnproven) {
            blockers.add(new Blocker(BlockerCode.NO_RESIDENCE_PROOF,
                    "名下住房尚无有效证明：须有房屋产权证明或已备案且在有效期内的租赁合同 / The home in your name proves "
                            + "nothing yet: a property certificate or a filed rental contract in force is needed"));
        }
        actions.add(new Action(ActionCode.APPLY_RESIDENCE_REGISTRATION, WITHOUT_OWN_HOME, null));
        actions.add(new Action(ActionCode.FILE_RENTAL_CONTRACT,
                "租房居住的，请先办理住房租赁合同网签备案 / Renting? File the rental contract online first", null));
    }

    private static final String WITHOUT_OWN_HOME = "住在亲属家或单位集体宿舍的，可在线办理居住登记：亲属家须签署亲属关系"
            + "承诺书并提交亲属的房屋产权证明或备案租赁合同，集体宿舍须提供单位出具的集体宿舍证明 / Living in a relative's "
            + "home or an employer's dormitory? Register online: for a relative's home sign the kinship commitment "
            + "letter and add the relative's title or filed contract; for a dormitory add the employer's dormitory "
            + "certificate";

    private static Action applyForPermit() {
        return new Action(ActionCode.APPLY_RESIDENCE_PERMIT,
                "可在线申办居住证，照片与房屋证明自动复用 / Apply for the residence permit online; photo and housing "
                        + "proof are reused", null);
    }

    private static Action trackPermit(Application application) {
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> supplement(application);
            case APPROVED -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    "居住证申请已审核通过，电子居住证已生成，证件即将制作 / Your permit is approved and its e-licence "
                            + "issued; the card is made next", null);
            case IN_PRODUCTION -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    "居住证制作中 / Your permit card is being made", null);
            case READY_FOR_PICKUP -> new Action(ActionCode.PICK_UP_PERMIT,
                    "居住证已制作完成，请到服务中心领取 / Your permit is ready for pick-up at the service centre", null);
            case SHIPPED -> new Action(ActionCode.TRACK_DELIVERY,
                    "居住证已交邮政寄出，货到付款15元 / Your permit is on its way by EMS, 15 CNY cash on delivery", null);
            default -> new Action(ActionCode.TRACK_PERMIT_APPLICATION,
                    "居住证申请办理中，可查看进度 / Your permit application is being processed; follow its progress",
                    null);
        };
    }
}
