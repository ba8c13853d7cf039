package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Address;

/** A rental contract and its online filing (住房租赁合同网签备案). */
public record RentalContract(@NotBlank String contractId, @Nullable String filingNo, @NotNull @Valid Address address,
        @NotNull Property.Usage usage, @NotNull LocalDate startDate, @NotNull LocalDate endDate,
        @NotNull Status status, @Nullable String licenseId) implements Home {

    public enum Status {
        FILED, PENDING_FILING, EXPIRED, TERMINATED,
        /** A filing state added later: not FILED, so the contract proves nothing until it is. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** A filed, residential contract in force on {@code day}: proof of residence. */
    @Override
    public boolean provesResidenceOn(LocalDate day) {
        return status == Status.FILED && residential()
                && (startDate == null || !startDate.isAfter(day)) && (endDate == null || !endDate.isBefore(day));
    }
}
