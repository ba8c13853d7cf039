package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A person's homes as the housing authority holds them (properties and rental contracts), and the one place that
 * says which of them proves a lawful, stable, residential residence (DESIGN.md §2): a residential property, or a
 * filed residential contract in force that day. The journey and the mutations ask the same questions here.
 */
public record HousingRecords(List<Property> properties, List<RentalContract> rentalContracts) {

    public HousingRecords {
        properties = List.copyOf(properties);
        rentalContracts = List.copyOf(rentalContracts);
    }

    /** Whether any home on file proves residence on {@code day}. */
    public boolean provesResidenceOn(LocalDate day) {
        return properties.stream().anyMatch(Property::residential)
                || rentalContracts.stream().anyMatch(c -> c.provesResidenceOn(day));
    }

    /** The e-licence of the first home proving residence on {@code day}: a property before a contract. */
    public Optional<String> proofOn(LocalDate day) {
        return Stream.concat(
                        properties.stream().filter(Property::residential).map(Property::licenseId),
                        rentalContracts.stream().filter(c -> c.provesResidenceOn(day)).map(RentalContract::licenseId))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Housing on file, but none of it proving residence because it is known not to be residential (an office, a
     * shop); a usage the housing authority added later (UNKNOWN) is not called non-residential.
     */
    public boolean onlyNonResidentialOn(LocalDate day) {
        boolean nonResidential = properties.stream().anyMatch(Property::nonResidential)
                || rentalContracts.stream().anyMatch(c -> c.usage() != null && c.usage().nonResidential());
        return nonResidential && !provesResidenceOn(day);
    }

    /** Whether the home this e-licence belongs to is on file and known not to be residential. */
    public boolean nonResidential(String licenseId) {
        return properties.stream().anyMatch(p -> licenseId.equals(p.licenseId()) && p.nonResidential())
                || rentalContracts.stream().anyMatch(c -> licenseId.equals(c.licenseId())
                        && c.usage() != null && c.usage().nonResidential());
    }

    public boolean isEmpty() {
        return properties.isEmpty() && rentalContracts.isEmpty();
    }
}
