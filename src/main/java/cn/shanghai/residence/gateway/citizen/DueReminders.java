package cn.shanghai.residence.gateway.citizen;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** A person's reminders as {@code me.reminders} shows them, for a poller outside any query (live progress). */
@Component
public class DueReminders {

    private final CitizenFactsGatherer facts;

    DueReminders(CitizenFactsGatherer facts) {
        this.facts = facts;
    }

    /** The reminders due now; a section whose agency failed is left out, as in the query. */
    public Mono<List<Reminder>> of(String personId) {
        return facts.forReminders(personId).map(partial -> ReminderRules.reminders(partial.value()));
    }
}
