package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cn.shanghai.residence.gateway.reference.Address;

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

    /** Every home on file: properties before contracts. */
    public Stream<Home> homes() {
        return Stream.concat(properties.stream(), rentalContracts.stream());
    }

    /** Whether any home on file proves residence on {@code day}. */
    public boolean provesResidenceOn(LocalDate day) {
        return homes().anyMatch(home -> home.provesResidenceOn(day));
    }

    /**
     * Housing on file, but none of it proving residence because it is known not to be residential (an office, a
     * shop); a usage the housing authority added later (UNKNOWN) is not called non-residential.
     */
    public boolean onlyNonResidentialOn(LocalDate day) {
        return homes().anyMatch(Home::nonResidential) && !provesResidenceOn(day);
    }

    /** The homes on file at {@code address} (spelt either way: see {@link Address#sameHomeAs}). */
    public List<Home> homesAt(Address address) {
        return homes().filter(home -> home.address().sameHomeAs(address)).toList();
    }

    /** The home this e-licence belongs to, if it is on file. */
    public Optional<Home> home(String licenseId) {
        return homes().filter(home -> licenseId.equals(home.licenseId())).findFirst();
    }

    public boolean isEmpty() {
        return properties.isEmpty() && rentalContracts.isEmpty();
    }
}
