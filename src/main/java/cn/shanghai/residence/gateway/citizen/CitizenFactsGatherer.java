package cn.shanghai.residence.gateway.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.bdc.Profile;
import cn.shanghai.residence.gateway.housing.HousingService;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.postal.PostalService;
import cn.shanghai.residence.gateway.upstream.RequestMemo;

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
            Clock clock) {
        this.police = police;
        this.housing = housing;
        this.bdc = bdc;
        this.postal = postal;
        this.clock = clock;
    }

    /** Police, housing and bdc facts: what the journey needs. */
    Mono<CitizenFacts> forJourney(RequestMemo memo, String personId) {
        return Mono.zip(
                        optional(police.registration(memo, personId)),
                        optional(police.permit(memo, personId)),
                        police.applications(memo, personId),
                        housing.properties(memo, personId),
                        housing.rentalContracts(memo, personId),
                        bdc.photos(memo, personId),
                        optional(bdc.profile(memo, personId)))
                .map(t -> new CitizenFacts(LocalDate.now(clock), t.getT1().orElse(null), t.getT2().orElse(null),
                        t.getT3(), t.getT4(), t.getT5(), t.getT6(), t.getT7().map(Profile::birthDate).orElse(null),
                        Map.of()));
    }

    /** Police, housing and postal facts: what the reminders need. */
    Mono<CitizenFacts> forReminders(RequestMemo memo, String personId) {
        Mono<List<Application>> applications = police.applications(memo, personId);
        return Mono.zip(
                        optional(police.registration(memo, personId)),
                        optional(police.permit(memo, personId)),
                        applications,
                        housing.rentalContracts(memo, personId),
                        applications.flatMap(list -> postal.shipments(memo, trackingNumbers(list))))
                .map(t -> new CitizenFacts(LocalDate.now(clock), t.getT1().orElse(null), t.getT2().orElse(null),
                        t.getT3(), List.<Property>of(), t.getT4(), List.<Photo>of(), null, t.getT5()));
    }

    /**
     * The tracking numbers of all the person's postal deliveries: looking them all up at once lets the reminders
     * and every {@code Delivery.shipment} field share one bulk call.
     */
    static Set<String> trackingNumbers(List<Application> applications) {
        return applications.stream()
                .map(Application::delivery)
                .filter(Objects::nonNull)
                .map(Application.Delivery::trackingNo)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> value) {
        return value.map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
