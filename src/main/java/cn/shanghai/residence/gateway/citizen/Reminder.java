package cn.shanghai.residence.gateway.citizen;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

import cn.shanghai.residence.gateway.i18n.Text;

/** A dated nudge (办证提醒, 签注提醒, …) composed from the agencies' data. */
public record Reminder(Kind kind, @Nullable LocalDate dueOn, Text message) {

    /**
     * The original six, then one per step of an application's progress the seed promises to remind of
     * (审核情况、制证情况、物流派送信息): each dated by the day it happened.
     */
    public enum Kind {
        PERMIT_ELIGIBLE, ENDORSEMENT_DUE, AUTO_ENDORSEMENT_FAILED, ADDRESS_CHANGE_DUE, READY_FOR_PICKUP,
        DELIVERY_UPDATE, APPLICATION_NEEDS_SUPPLEMENT, APPLICATION_REJECTED, APPLICATION_APPROVED,
        PERMIT_IN_PRODUCTION, PERMIT_SHIPPED, PERMIT_OUT_FOR_DELIVERY, PERMIT_DELIVERED
    }
}
