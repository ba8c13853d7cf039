package cn.shanghai.residence.gateway.postal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** An EMS shipment carrying a permit card, with its tracking events. */
public record Shipment(@NotBlank String trackingNo, @NotNull Status status, @Nullable Integer codAmountFen,
        @Nullable LocalDate estimatedDelivery, List<@Valid Event> events) {

    public Shipment {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public enum Status {
        CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, RETURNED, EXCEPTION,
        /** A parcel state EMS added later: reminded as a delivery update without a guess at its meaning. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** One scan of the parcel. */
    public record Event(@NotNull OffsetDateTime at, @NotBlank String location, @NotBlank String description) {
    }

    /** Cash to pay on delivery, in yuan (the service charges 15 CNY). */
    public @Nullable BigDecimal codAmount() {
        return codAmountFen == null ? null : BigDecimal.valueOf(codAmountFen, 2);
    }
}
