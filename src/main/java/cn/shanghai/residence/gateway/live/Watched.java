package cn.shanghai.residence.gateway.live;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.postal.Shipment;

/** What one poll saw of a watched thing: its applications (each with its parcel) and, for a person, reminders. */
record Watched(List<Tracked> applications, List<Reminder> reminders) {

    Watched {
        applications = List.copyOf(applications);
        reminders = List.copyOf(reminders);
    }

    /** An application and its EMS parcel (null: none, or EMS did not answer). */
    record Tracked(Application application, @Nullable Shipment shipment) {
    }
}
