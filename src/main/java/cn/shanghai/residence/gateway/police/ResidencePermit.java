package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** Police's residence permit (居住证) of a person. */
public record ResidencePermit(@NotBlank String permitNo, @NotNull Status status, @NotNull LocalDate issuedOn,
        @NotNull LocalDate validUntil, @Nullable String photoId, @NotNull @Valid AutoEndorsement autoEndorsement) {

    public enum Status {
        VALID, LOST, EXPIRED, REVOKED,
        /** A permit whose state the gateway cannot judge: held, but nothing is offered or reminded about it. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** Whether the yearly endorsement can happen automatically, and if not, police's reason. */
    public record AutoEndorsement(boolean eligible, @Nullable String reason) {
    }
}
