package cn.shanghai.residence.gateway.submission;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.reference.ServiceClock;

/**
 * The one guardian check of every way a resident acts for someone (the application mutations, the uploads): the
 * signed-in caller acts for themselves, or for a minor under 16 police lists in their guardianship (seed:
 * "未满16周岁的未成年人，应当由监护人代为申报…除以上情况外，均须本人办理"); for anyone else there is nobody to act for,
 * exactly as for an id that does not exist, and a listed dependent of 16 or more acts in person.
 */
@Component
public class Applicants {

    private final PoliceService police;
    private final Clock clock;

    /** The residents' clock: in the sandbox a dependent turns 16 when the sandbox clock says so. */
    Applicants(PoliceService police, ServiceClock serviceClock) {
        this.police = police;
        this.clock = serviceClock.clock();
    }

    /**
     * Who {@code caller} acts for with this {@code forPersonId} (none: themselves); empty when there is no such
     * dependent; {@link InPersonOnly} when the dependent is 16 or more.
     */
    public Mono<Applicant> resolve(String caller, @Nullable String forPersonId) {
        if (forPersonId == null || forPersonId.equals(caller)) {
            return Mono.just(new Applicant(caller, caller));
        }
        if (!Ids.safe(forPersonId)) {
            return Mono.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return police.dependents(caller).flatMap(dependents -> Mono.justOrEmpty(dependents.stream()
                        .filter(d -> forPersonId.equals(d.personId())).findFirst()))
                .flatMap(dependent -> Guardianship.needsGuardian(dependent.birthDate(), today)
                        ? Mono.just(new Applicant(caller, forPersonId)) : Mono.error(new InPersonOnly()));
    }

    /** The dependent is 16 or more: a guardian cannot act for them. Refused before anything is claimed or read. */
    public static final class InPersonOnly extends RuntimeException {

        InPersonOnly() {
            super("IN_PERSON_REQUIRED", null, false, false);
        }
    }
}
