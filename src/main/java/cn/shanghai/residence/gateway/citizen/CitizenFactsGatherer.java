package cn.shanghai.residence.gateway.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.bdc.Profile;
import cn.shanghai.residence.gateway.housing.HousingService;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.postal.PostalService;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.upstream.UpstreamFailure;

/**
 * Gathers the facts the journey or the reminders need, from all agencies at once (the reads run concurrently
 * and are shared with the fields that show them, through the request memo).
 */
@Component
class CitizenFactsGatherer {

    private final PoliceService police;
    private final HousingService housing;
    private final BdcService bdc;
    private final PostalService postal;
    private final Clock clock;

    CitizenFactsGatherer(PoliceService police, HousingService housing, BdcService bdc, PostalService postal,
            ServiceClock serviceClock) {
        this.police = police;
        this.housing = housing;
        this.bdc = bdc;
        this.postal = postal;
        this.clock = serviceClock.clock();
    }

    /**
     * Police, housing and bdc facts: what the journey needs. Police and housing decide the stage, so their
     * failure fails the journey; photos and the birth date only refine it, so without them it is partial.
     */
    Mono<Partial<CitizenFacts>> forJourney(String personId) {
        List<UpstreamFailure> gaps = new CopyOnWriteArrayList<>();
        return Mono.zip(
                        police.registration(personId).singleOptional(),
                        police.permit(personId).singleOptional(),
                        police.applications(personId),
                        housing.properties(personId),
                        housing.rentalContracts(personId),
                        orGap(bdc.photos(personId), List.<Photo>of(), gaps),
                        orGap(bdc.profile(personId).singleOptional(), Optional.<Profile>empty(), gaps))
                .map(t -> new Partial<>(new CitizenFacts(LocalDate.now(clock), t.getT1().orElse(null),
                        t.getT2().orElse(null), t.getT3(), t.getT4(), t.getT5(), t.getT6(),
                        t.getT7().map(Profile::birthDate).orElse(null), Map.of()), List.copyOf(gaps)));
    }

    /**
     * Police, housing and postal facts: what the reminders need. Without EMS, only the delivery updates are
     * missing, so the other reminders still arrive.
     */
    Mono<Partial<CitizenFacts>> forReminders(String personId) {
        List<UpstreamFailure> gaps = new CopyOnWriteArrayList<>();
        Mono<List<Application>> applications = police.applications(personId);
        return Mono.zip(
                        police.registration(personId).singleOptional(),
                        police.permit(personId).singleOptional(),
                        applications,
                        housing.rentalContracts(personId),
                        applications.flatMap(list -> orGap(postal.shipments(trackingNumbers(list)),
                                Map.<String, Shipment>of(), gaps)))
                .map(t -> new Partial<>(new CitizenFacts(LocalDate.now(clock), t.getT1().orElse(null),
                        t.getT2().orElse(null), t.getT3(), List.<Property>of(), t.getT4(), List.<Photo>of(), null,
                        t.getT5()), List.copyOf(gaps)));
    }

    private static <T> Mono<T> orGap(Mono<T> input, T without, List<UpstreamFailure> gaps) {
        return input.onErrorResume(UpstreamFailure.class, failure -> {
            gaps.add(failure);
            return Mono.just(without);
        });
    }

    /** The tracking numbers of all the person's postal deliveries, looked up together in one bulk call. */
    private static Set<String> trackingNumbers(List<Application> applications) {
        return applications.stream()
                .map(Application::delivery)
                .filter(Objects::nonNull)
                .map(Application.Delivery::trackingNo)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
