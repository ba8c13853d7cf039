package cn.shanghai.residence.gateway.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.BdcServiceCenter;
import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.bdc.Profile;
import cn.shanghai.residence.gateway.citizen.CitizenFacts;
import cn.shanghai.residence.gateway.housing.HousingService;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Attachment;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.submission.SubmissionFacts.Need;

/**
 * Reads, concurrently and through the request memo, exactly the facts an application's rules need: a relative's
 * home, for instance, reads no housing at all. The profile is read whenever the applicant applies for themselves,
 * because the guardianship rule needs their birth date.
 */
@Component
class SubmissionFactsGatherer {

    private final PoliceService police;
    private final HousingService housing;
    private final BdcService bdc;
    private final Clock clock;

    SubmissionFactsGatherer(PoliceService police, HousingService housing, BdcService bdc, ServiceClock serviceClock) {
        this.police = police;
        this.housing = housing;
        this.bdc = bdc;
        this.clock = serviceClock.clock();
    }

    Mono<SubmissionFacts> gather(Applicant applicant, Set<Need> needs, List<String> attachmentIds) {
        String person = applicant.personId();
        boolean housingNeeded = needs.contains(Need.HOUSING);
        return Mono.zip(
                        when(needs.contains(Need.REGISTRATION), () -> police.registration(person).singleOptional(),
                                Optional.<ResidenceRegistration>empty()),
                        when(needs.contains(Need.PERMIT), () -> police.permit(person).singleOptional(),
                                Optional.<ResidencePermit>empty()),
                        when(needs.contains(Need.PHOTOS), () -> bdc.photos(person), List.<Photo>of()),
                        when(housingNeeded, () -> housing.properties(person), List.<Property>of()),
                        when(housingNeeded, () -> housing.rentalContracts(person), List.<RentalContract>of()),
                        when(housingNeeded, () -> bdc.eLicenses(person), List.<ELicense>of()),
                        when(needs.contains(Need.PROFILE) || applicant.forSelf(),
                                () -> bdc.profile(person).singleOptional(),
                                Optional.<Profile>empty()),
                        when(needs.contains(Need.SERVICE_CENTERS), bdc::serviceCenters, List.<BdcServiceCenter>of()))
                .zipWith(when(needs.contains(Need.ATTACHMENTS), () -> attachmentOwners(attachmentIds),
                        Map.<String, String>of()))
                .map(both -> {
                    var t = both.getT1();
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    Optional<Profile> profile = t.getT7();
                    CitizenFacts facts = new CitizenFacts(now.toLocalDate(), t.getT1().orElse(null),
                            t.getT2().orElse(null), List.of(), t.getT4(), t.getT5(), t.getT3(),
                            profile.map(Profile::birthDate).orElse(null), Map.of());
                    return new SubmissionFacts(facts, now, t.getT6(), profile.map(Profile::name).orElse(null),
                            profile.map(Profile::mobile).orElse(null), t.getT8(), both.getT2());
                });
    }

    /** Who owns each uploaded document police knows, read concurrently; unknown ones are left out. */
    private Mono<Map<String, String>> attachmentOwners(List<String> attachmentIds) {
        return Flux.fromIterable(attachmentIds).flatMap(police::attachment)
                .collectMap(Attachment::attachmentId, Attachment::personId)
                .map(Map::copyOf);
    }

    private static <T> Mono<T> when(boolean needed, Supplier<Mono<T>> read, T otherwise) {
        return needed ? read.get() : Mono.just(otherwise);
    }
}
