package cn.shanghai.residence.gateway.citizen;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.person.Citizen;
import cn.shanghai.residence.gateway.police.Dependent;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.security.CurrentPerson;

/** The aggregate root {@code me} and its composed fields: journey, reminders, dependents. */
@Controller
class CitizenController {

    private final CitizenFactsGatherer facts;
    private final PoliceService police;

    CitizenController(CitizenFactsGatherer facts, PoliceService police) {
        this.facts = facts;
        this.police = police;
    }

    @QueryMapping
    Mono<Citizen> me() {
        return CurrentPerson.id().map(Citizen::new);
    }

    @SchemaMapping
    Mono<DataFetcherResult<Journey>> journey(Citizen citizen, DataFetchingEnvironment env) {
        return facts.forJourney(citizen.personId())
                .map(partial -> withGaps(JourneyRules.journey(partial.value()), partial, env));
    }

    @SchemaMapping
    Mono<DataFetcherResult<List<Reminder>>> reminders(Citizen citizen, DataFetchingEnvironment env) {
        return facts.forReminders(citizen.personId())
                .map(partial -> withGaps(ReminderRules.reminders(partial.value()), partial, env));
    }

    private static <T> DataFetcherResult<T> withGaps(T value, Partial<?> partial, DataFetchingEnvironment env) {
        return DataFetcherResult.<T>newResult()
                .data(value)
                .errors(partial.gaps().stream().map(gap -> gap.toGraphQlError(env)).toList())
                .build();
    }

    /** Minors in the person's guardianship, as police records it; their sections are fetched like the guardian's. */
    @SchemaMapping
    Mono<List<Citizen>> dependents(Citizen citizen) {
        return police.dependents(citizen.personId())
                .map(dependents -> dependents.stream().map(Dependent::personId).map(Citizen::new).toList());
    }
}
