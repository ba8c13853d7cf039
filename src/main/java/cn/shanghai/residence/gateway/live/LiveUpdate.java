package cn.shanghai.residence.gateway.live;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * One change a screen is told about, carrying the changed object in the types {@code me} uses, so the screen renders
 * it with its query code. {@code id} increases with every event of this instance; a client resumes after it.
 */
public record LiveUpdate(String id, OffsetDateTime at, Kind kind, @Nullable Application application,
        Application.@Nullable Event timelineEvent, Shipment.@Nullable Event parcelEvent, @Nullable Reminder reminder,
        @Nullable String upstream) {

    public enum Kind {
        STATUS_CHANGED, TIMELINE_EVENT, PARCEL_EVENT, READY_FOR_PICKUP, REMINDER, DEGRADED, RECOVERED, RESYNC
    }

    /** The same change under the id it is published with. */
    LiveUpdate numbered(long number) {
        return new LiveUpdate(Long.toString(number), at, kind, application, timelineEvent, parcelEvent, reminder,
                upstream);
    }

    /** Its id as a number, for resuming. */
    long number() {
        return Long.parseLong(id);
    }

    static LiveUpdate of(OffsetDateTime at, Kind kind, @Nullable Application application) {
        return new LiveUpdate("0", at, kind, application, null, null, null, null);
    }

    static LiveUpdate timeline(Application application, Application.Event event) {
        return new LiveUpdate("0", event.at(), Kind.TIMELINE_EVENT, application, event, null, null, null);
    }

    static LiveUpdate parcel(Application application, Shipment.Event event) {
        return new LiveUpdate("0", event.at(), Kind.PARCEL_EVENT, application, null, event, null, null);
    }

    static LiveUpdate reminder(OffsetDateTime at, Reminder reminder) {
        return new LiveUpdate("0", at, Kind.REMINDER, null, null, null, reminder, null);
    }

    static LiveUpdate upstream(OffsetDateTime at, Kind kind, @Nullable String upstream) {
        return new LiveUpdate("0", at, kind, null, null, null, null, upstream);
    }
}
