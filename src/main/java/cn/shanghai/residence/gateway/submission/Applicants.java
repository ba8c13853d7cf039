package cn.shanghai.residence.gateway.submission;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.reference.Ids;

/**
 * The one guardian check of every way a resident acts for someone (the application mutations, the uploads): the
 * signed-in caller acts for themselves, or for a minor police lists in their guardianship; for anyone else there is
 * nobody to act for, exactly as for an id that does not exist.
 */
@Component
public class Applicants {

    private final PoliceService police;

    Applicants(PoliceService police) {
        this.police = police;
    }

    /** Who {@code caller} acts for with this {@code forPersonId} (none: themselves); empty when they may not. */
    public Mono<Applicant> resolve(String caller, @Nullable String forPersonId) {
        if (forPersonId == null || forPersonId.equals(caller)) {
            return Mono.just(new Applicant(caller, caller));
        }
        if (!Ids.safe(forPersonId)) {
            return Mono.empty();
        }
        return police.dependents(caller).flatMap(dependents -> dependents.stream()
                .anyMatch(d -> forPersonId.equals(d.personId()))
                ? Mono.just(new Applicant(caller, forPersonId)) : Mono.empty());
    }
}
