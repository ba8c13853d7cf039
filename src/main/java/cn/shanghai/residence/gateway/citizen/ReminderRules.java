package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.shanghai.residence.gateway.citizen.Reminder.Kind;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * The service's precise reminders (办证提醒, 签注提醒, address changes, and each application's progress: review,
 * production, pick-up and delivery), composed from the agencies' data. Pure: the same facts always give the same
 * reminders, soonest first, undated last.
 */
final class ReminderRules {

    /** How early the eligibility and endorsement reminders start. */
    static final int NOTICE_DAYS = 30;

    private ReminderRules() {
    }

    static List<Reminder> reminders(CitizenFacts facts) {
        List<Reminder> reminders = new ArrayList<>();
        LocalDate horizon = facts.today().plusDays(NOTICE_DAYS);
        ResidencePermit permit = facts.permit();
        boolean permitInHand = permit != null && permit.status() == ResidencePermit.Status.VALID;
        boolean permitNeeded = (permit == null || permit.status() == ResidencePermit.Status.EXPIRED
                || permit.status() == ResidencePermit.Status.REVOKED)
                && facts.openApplication(Application.Kind.RESIDENCE_PERMIT_NEW).isEmpty();

        facts.activeRegistration()
                .filter(registration -> permitNeeded)
                .filter(registration -> !registration.eligibleFrom().isAfter(horizon))
                .ifPresent(registration -> reminders.add(new Reminder(Kind.PERMIT_ELIGIBLE,
                        registration.eligibleFrom(), "居住登记满6个月，" + registration.eligibleFrom()
                                + " 起可申办居住证 / Six months registered: apply for the permit from "
                                + registration.eligibleFrom())));
        if (permitInHand && facts.permitLapsed()) {
            reminders.add(new Reminder(Kind.ENDORSEMENT_DUE, permit.validUntil(),
                    "居住证签注已于 " + permit.validUntil() + " 过期 / The permit's endorsement lapsed on "
                            + permit.validUntil()));
        } else if (permitInHand && !permit.validUntil().isAfter(horizon)) {
            reminders.add(new Reminder(Kind.ENDORSEMENT_DUE, permit.validUntil(),
                    "居住证签注将于 " + permit.validUntil() + " 到期 / The permit's endorsement expires on "
                            + permit.validUntil()));
        }
        if (permitInHand && permit.autoEndorsement() != null && !permit.autoEndorsement().eligible()) {
            reminders.add(new Reminder(Kind.AUTO_ENDORSEMENT_FAILED, permit.validUntil(),
                    CitizenFacts.policeSaid(permit.autoEndorsement().reason())
                            .map(reason -> "自动签注未通过：" + reason + "；请到服务中心办理签注 / Automatic endorsement "
                                    + "failed (police's reason: " + reason + "); renew it at a service centre")
                            .orElse("自动签注未通过，请到服务中心办理签注 / Automatic endorsement failed; renew it at a "
                                    + "service centre")));
        }
        facts.moveSinceRegistration().ifPresent(contract -> reminders.add(new Reminder(Kind.ADDRESS_CHANGE_DUE,
                contract.startDate().plusDays(30), "搬家后30日内须变更居住登记地址 / Declare your new address within "
                        + "30 days of moving")));
        for (Application application : facts.applications()) {
            progress(facts, application).ifPresent(reminders::add);
        }
        reminders.sort(Comparator.comparing(Reminder::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(reminders);
    }

    /**
     * The one reminder of an application's progress, by the step it has reached, dated the day it got there (the
     * newest timeline event in that status): what police need, their decision, production, the card's way home.
     * Nothing is said while an application waits (SUBMITTED, UNDER_REVIEW, or a status police added that the
     * gateway does not know yet) or after it ended (CANCELLED, or COMPLETED but for an approval that closed it at
     * once); a refusal, a delivery or such an approval is news for
     * {@value CitizenFacts#OUTCOME_NOTICE_DAYS} days.
     */
    private static Optional<Reminder> progress(CitizenFacts facts, Application application) {
        LocalDate on = CitizenFacts.reachedOn(application);
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> Optional.of(new Reminder(Kind.APPLICATION_NEEDS_SUPPLEMENT, on,
                    JourneyRules.needsMore(application)));
            case REJECTED -> Optional.of(application)
                    .filter(facts.standingRejections()::contains)
                    .filter(facts::recent)
                    .map(refused -> new Reminder(Kind.APPLICATION_REJECTED, on, JourneyRules.refused(refused)));
            case APPROVED -> Optional.of(new Reminder(Kind.APPLICATION_APPROVED, on, approved(application.kind(), on)));
            case IN_PRODUCTION -> Optional.of(new Reminder(Kind.PERMIT_IN_PRODUCTION, on,
                    "居住证已于 " + on + " 进入制作 / Your permit card went into production on " + on));
            case READY_FOR_PICKUP -> Optional.of(new Reminder(Kind.READY_FOR_PICKUP, null,
                    "居住证已制作完成，请携带身份证到服务中心领取 / Your permit is ready: pick it up at the service "
                            + "centre with your ID card"));
            case SHIPPED -> Optional.of(shipped(facts, application, on));
            case DELIVERED -> Optional.of(application).filter(facts::recent)
                    .map(delivered -> new Reminder(Kind.PERMIT_DELIVERED, on,
                            "居住证已于 " + on + " 送达签收 / Your permit was delivered on " + on));
            case COMPLETED -> approvedRecently(facts, application)
                    .map(day -> new Reminder(Kind.APPLICATION_APPROVED, day, approved(application.kind(), day)));
            default -> Optional.empty();
        };
    }

    /**
     * A registration or an address change police approved and closed at once is still news: its approval day, for
     * {@value CitizenFacts#OUTCOME_NOTICE_DAYS} days (a permit's end is its delivery or pick-up, said on its own).
     */
    private static Optional<LocalDate> approvedRecently(CitizenFacts facts, Application application) {
        if (application.kind() == Application.Kind.RESIDENCE_PERMIT_NEW) {
            return Optional.empty();
        }
        return application.events().stream().filter(event -> event.status() == Application.Status.APPROVED)
                .map(event -> CitizenFacts.shanghaiDay(event.at()))
                .max(LocalDate::compareTo)
                .filter(day -> !day.isBefore(facts.today().minusDays(CitizenFacts.OUTCOME_NOTICE_DAYS)));
    }

    /** Approval, with what the seed promises follows it: the e-permit the same day, the e-certificate in a day. */
    private static String approved(Application.Kind kind, LocalDate on) {
        return switch (kind) {
            case RESIDENCE_PERMIT_NEW -> "居住证申请已于 " + on + " 审核通过，电子《上海市居住证》已于当日生成，可在电子证照中"
                    + "查看 / Your residence permit was approved on " + on + "; its e-licence was issued the same day: "
                    + "see your e-licences";
            case RESIDENCE_REGISTRATION -> "居住登记已于 " + on + " 审核通过，电子《居住登记凭证》1个工作日内制发 / Your "
                    + "residence registration was approved on " + on + "; the e-certificate follows within 1 working "
                    + "day";
            default -> CitizenFacts.name(kind).zh() + "已于 " + on + " 审核通过 / Your " + CitizenFacts.name(kind).en()
                    + " was approved on " + on;
        };
    }

    /**
     * A card on its way. With EMS's parcel: out for delivery and delivered are their own reminders, any other
     * movement a delivery update. Without it (EMS does not know the number yet, or is down): police's word that
     * it was sent, on the day it was.
     */
    private static Reminder shipped(CitizenFacts facts, Application application, LocalDate on) {
        String trackingNo = application.delivery() == null ? null : application.delivery().trackingNo();
        Shipment parcel = trackingNo == null ? null : facts.shipments().get(trackingNo);
        if (parcel == null) {
            return new Reminder(Kind.PERMIT_SHIPPED, on, "居住证已于 " + on + " 交邮政EMS寄出"
                    + (trackingNo == null ? "" : "，运单号 " + trackingNo) + "，货到付款15元 / Your permit was sent by EMS "
                    + "on " + on + (trackingNo == null ? "" : ", tracking number " + trackingNo)
                    + ", 15 CNY cash on delivery");
        }
        return switch (parcel.status()) {
            case OUT_FOR_DELIVERY -> new Reminder(Kind.PERMIT_OUT_FOR_DELIVERY, parcel.estimatedDelivery(),
                    deliveryMessage(parcel));
            case DELIVERED -> new Reminder(Kind.PERMIT_DELIVERED, parcel.events().stream()
                    .map(Shipment.Event::at)
                    .max(Comparator.naturalOrder())
                    .map(CitizenFacts::shanghaiDay)
                    .orElse(parcel.estimatedDelivery()), deliveryMessage(parcel));
            default -> new Reminder(Kind.DELIVERY_UPDATE, parcel.estimatedDelivery(), deliveryMessage(parcel));
        };
    }

    private static String deliveryMessage(Shipment shipment) {
        String expected = shipment.estimatedDelivery() == null ? ""
                : "，预计 " + shipment.estimatedDelivery() + " 送达";
        String expectedEn = shipment.estimatedDelivery() == null ? ""
                : ", expected on " + shipment.estimatedDelivery();
        String fee = shipment.codAmount() == null ? "" : "，货到付款 " + shipment.codAmount().toPlainString() + " 元";
        String feeEn = shipment.codAmount() == null ? ""
                : ", " + shipment.codAmount().toPlainString() + " CNY cash on delivery";
        return "居住证邮件" + switch (shipment.status()) {
            case CREATED, PICKED_UP -> "已交寄";
            case IN_TRANSIT -> "运输中";
            case OUT_FOR_DELIVERY -> "派送中";
            case DELIVERED -> "已签收";
            case RETURNED -> "已退回";
            case EXCEPTION -> "投递异常";
            case UNKNOWN -> "有新的物流状态";
        } + expected + fee + " / Your permit parcel " + (shipment.status() == Shipment.Status.UNKNOWN
                ? "has a new status" : "is " + shipment.status().name().toLowerCase().replace('_', ' '))
                + expectedEn + feeEn;
    }
}
