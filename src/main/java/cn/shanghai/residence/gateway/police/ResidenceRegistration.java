package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import cn.shanghai.residence.gateway.reference.Address;

/** Police's residence registration (居住登记) of a person, as the upstream returns it. */
public record ResidenceRegistration(@NotBlank String registrationNo, @NotNull Status status,
        @NotNull LocalDate registeredOn, @NotNull @Valid Address address, @NotNull ResidenceType residenceType,
        String certificateLicenseId) {

    public enum Status { ACTIVE, CANCELLED }

    /** The five kinds of residence (住所种类). */
    public enum ResidenceType {
        OWN_PROPERTY, RENTED_HOUSING, RELATIVE_PROPERTY, RELATIVE_RENTED_HOUSING, COLLECTIVE_DORMITORY
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** A permit may be applied for after six full months of registration. */
    public LocalDate eligibleFrom() {
        return registeredOn.plusMonths(6);
    }
}
