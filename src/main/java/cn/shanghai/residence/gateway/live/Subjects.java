package cn.shanghai.residence.gateway.live;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.citizen.DueReminders;
import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Dependent;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.postal.PostalService;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailure;

/**
 * The two kinds of watched things and how each is polled: through {@link PoliceService} and {@link PostalService},
 * so polls pass the same guards, caches and retry budget as queries. Police failing fails the poll (nothing to
 * compare); EMS failing keeps last poll's parcels and marks the poll degraded.
 */
@Component
class Subjects {

    private final PoliceService police;
    private final PostalService postal;
    private final DueReminders reminders;

    Subjects(PoliceService police, PostalService postal, DueReminders reminders) {
        this.police = police;
        this.postal = postal;
        this.reminders = reminders;
    }

    Subject application(String applicationId) {
        return new Subject() {
            @Override
            public String key() {
                return "application:" + applicationId;
            }

            @Override
            public boolean person() {
                return false;
            }

            @Override
            public Mono<Polled> read(@Nullable Watched previous) {
                return police.application(key(), applicationId)
                        .map(List::of)
                        .defaultIfEmpty(List.of())
                        .flatMap(found -> withParcels(found, previous, List.of()));
            }
        };
    }

    Subject person(String personId) {
        return new Subject() {
            @Override
            public String key() {
                return "person:" + personId;
            }

            @Override
            public boolean person() {
                return true;
            }

            @Override
            public Mono<Polled> read(@Nullable Watched previous) {
                Mono<List<Application>> applications = police.dependents(personId)
                        .flatMapMany(dependents -> Flux.concat(Flux.just(personId),
                                Flux.fromIterable(dependents).map(Dependent::personId)))
                        .flatMapSequential(police::applications)
                        .flatMapIterable(list -> list)
                        .collectList();
                return Mono.zip(applications, reminders.of(personId))
                        .flatMap(both -> withParcels(both.getT1(), previous, both.getT2()));
            }
        };
    }

    /** The applications with their parcels, read in one EMS call; without EMS, last poll's parcels. */
    private Mono<Polled> withParcels(List<Application> applications, @Nullable Watched previous,
            List<Reminder> dueReminders) {
        Set<String> numbers = applications.stream().map(Application::delivery).filter(Objects::nonNull)
                .map(Application.Delivery::trackingNo).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Upstream> failed = EnumSet.noneOf(Upstream.class);
        Mono<Map<String, Shipment>> parcels = numbers.isEmpty() ? Mono.just(Map.of())
                : postal.shipments(numbers).onErrorResume(UpstreamFailure.class, failure -> {
                    failed.add(failure.upstream());
                    return Mono.just(lastParcels(previous));
                });
        return parcels.map(found -> new Polled(new Watched(applications.stream()
                .map(a -> new Watched.Tracked(a, a.delivery() == null || a.delivery().trackingNo() == null ? null
                        : found.get(a.delivery().trackingNo())))
                .toList(), dueReminders), failed));
    }

    private static Map<String, Shipment> lastParcels(@Nullable Watched previous) {
        Map<String, Shipment> last = new ConcurrentHashMap<>();
        if (previous != null) {
            previous.applications().stream().map(Watched.Tracked::shipment).filter(Objects::nonNull)
                    .forEach(shipment -> last.put(shipment.trackingNo(), shipment));
        }
        return last;
    }
}
