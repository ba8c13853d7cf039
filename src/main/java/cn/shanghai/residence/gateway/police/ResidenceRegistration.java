package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Address;

/** Police's residence registration (居住登记) of a person, as the upstream returns it. */
public record ResidenceRegistration(@NotBlank String registrationNo, @NotNull Status status,
        @NotNull LocalDate registeredOn, @NotNull @Valid Address address, @NotNull ResidenceType residenceType,
        @Nullable String certificateLicenseId) {

    public enum Status {
        ACTIVE, CANCELLED,
        /** Not known to be in force: no eligibility date, and registration is not offered again either. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** The five kinds of residence (住所种类), and what proves each. */
    public enum ResidenceType {
        OWN_PROPERTY, RENTED_HOUSING, RELATIVE_PROPERTY, RELATIVE_RENTED_HOUSING, COLLECTIVE_DORMITORY,
        /** A kind of residence police added later: shown only; never accepted in an input. */
        @JsonEnumDefaultValue UNKNOWN;

        /** The applicant's own home: proven by their own property certificate or filed contract on file. */
        public boolean ownHome() {
            return this == OWN_PROPERTY || this == RENTED_HOUSING;
        }

        /** A relative's home: needs the signed kinship commitment letter (亲属关系承诺书). */
        public boolean relativesHome() {
            return this == RELATIVE_PROPERTY || this == RELATIVE_RENTED_HOUSING;
        }

        /** A collective dormitory: needs the employer's dormitory certificate (集体宿舍证明). */
        public boolean dormitory() {
            return this == COLLECTIVE_DORMITORY;
        }
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** A permit may be applied for after six full months of registration. */
    public LocalDate eligibleFrom() {
        return registeredOn.plusMonths(6);
    }
}
