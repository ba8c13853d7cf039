package cn.shanghai.residence.gateway.citizen;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A dated nudge (办证提醒, 签注提醒, …) composed from the agencies' data. */
public record Reminder(Kind kind, @Nullable LocalDate dueOn, String message) {

    public enum Kind {
        PERMIT_ELIGIBLE, ENDORSEMENT_DUE, AUTO_ENDORSEMENT_FAILED, ADDRESS_CHANGE_DUE, READY_FOR_PICKUP,
        DELIVERY_UPDATE
    }
}
