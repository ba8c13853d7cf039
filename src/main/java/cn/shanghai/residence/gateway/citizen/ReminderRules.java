package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.shanghai.residence.gateway.citizen.Reminder.Kind;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * The service's precise reminders (办证提醒, 签注提醒, address changes, pick-up and delivery), composed from the
 * agencies' data. Pure: the same facts always give the same reminders, soonest first, undated last.
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
            if (application.status() == Application.Status.READY_FOR_PICKUP) {
                reminders.add(new Reminder(Kind.READY_FOR_PICKUP, null,
                        "居住证已制作完成，请携带身份证到服务中心领取 / Your permit is ready: pick it up at the service "
                                + "centre with your ID card"));
            }
            String trackingNo = application.delivery() == null ? null : application.delivery().trackingNo();
            Shipment shipment = application.status() == Application.Status.SHIPPED && trackingNo != null
                    ? facts.shipments().get(trackingNo) : null;
            if (shipment != null) {
                reminders.add(new Reminder(Kind.DELIVERY_UPDATE, shipment.estimatedDelivery(), deliveryMessage(shipment)));
            }
        }
        reminders.sort(Comparator.comparing(Reminder::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(reminders);
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
        } + expected + fee + " / Your permit parcel is " + shipment.status().name().toLowerCase().replace('_', ' ')
                + expectedEn + feeEn;
    }
}
