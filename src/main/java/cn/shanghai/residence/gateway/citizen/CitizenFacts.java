package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.housing.HousingRecords;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.reference.Guardianship;

/**
 * What the agencies know about one person on one day, gathered so that the journey and reminder rules are pure
 * functions of it. Absent sections (never registered, no permit) are null.
 */
public record CitizenFacts(LocalDate today, @Nullable ResidenceRegistration registration,
        @Nullable ResidencePermit permit, List<Application> applications, List<Property> properties,
        List<RentalContract> rentalContracts, List<Photo> photos, @Nullable LocalDate birthDate,
        Map<String, Shipment> shipments) {

    /** Registration that is in force, if any. */
    public Optional<ResidenceRegistration> activeRegistration() {
        return Optional.ofNullable(registration).filter(ResidenceRegistration::active);
    }

    /** The newest open application of a kind. */
    Optional<Application> openApplication(Application.Kind kind) {
        return applications.stream()
                .filter(a -> a.kind() == kind && a.open())
                .max(Comparator.comparing(Application::submittedAt));
    }

    boolean hasCompliantPhoto() {
        return photos.stream().anyMatch(Photo::compliant);
    }

    /** The homes on file, which say what proves residence. */
    public HousingRecords housing() {
        return new HousingRecords(properties, rentalContracts);
    }

    boolean hasResidentialProof() {
        return housing().provesResidenceOn(today);
    }

    /** Housing on file, but none of it residential (an office, a shop), whether owned or rented. */
    boolean onlyNonResidentialHousing() {
        return housing().onlyNonResidentialOn(today);
    }

    /**
     * Police's own words (an auto-endorsement reason, a timeline note), when they gave any: shown as they are,
     * because police know the case and the gateway only knows the rule.
     */
    static Optional<String> policeSaid(@Nullable String text) {
        return Optional.ofNullable(text).map(String::strip).filter(said -> !said.isEmpty());
    }

    /** A valid permit whose endorsement date has already passed. */
    public boolean permitLapsed() {
        return permit != null && permit.status() == ResidencePermit.Status.VALID
                && permit.validUntil().isBefore(today);
    }

    public boolean minor() {
        return Guardianship.needsGuardian(birthDate, today);
    }

    /**
     * A filed contract in force at another address than the registered one, signed after registering, whose
     * move has not been declared yet (no address change applied for since the contract started).
     */
    Optional<RentalContract> moveSinceRegistration() {
        return activeRegistration().flatMap(registration -> rentalContracts.stream()
                .filter(c -> c.provesResidenceOn(today))
                .filter(c -> c.startDate() != null && c.startDate().isAfter(registration.registeredOn()))
                .filter(c -> !c.address().sameHomeAs(registration.address()))
                .max(Comparator.comparing(RentalContract::startDate)))
                .filter(contract -> !declaredSince(contract.startDate()));
    }

    private boolean declaredSince(LocalDate moved) {
        return applications.stream()
                .filter(a -> a.kind() == Application.Kind.REGISTRATION_ADDRESS_CHANGE)
                .filter(a -> a.status() != Application.Status.REJECTED && a.status() != Application.Status.CANCELLED)
                .anyMatch(a -> !a.submittedAt().toLocalDate().isBefore(moved));
    }
}
