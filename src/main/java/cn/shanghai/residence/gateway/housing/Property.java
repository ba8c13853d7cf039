package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Address;

/** A property the person holds a certificate for (房地产权证). */
public record Property(@NotBlank String certificateNo, @NotNull @Valid Address address, @NotNull Usage usage,
        @Nullable String licenseId) implements Home {

    /** Only residential homes count as a lawful, stable residence. */
    public enum Usage {
        RESIDENTIAL, COMMERCIAL, OFFICE, INDUSTRIAL,
        /** A usage the housing authority added later: neither proves a residence nor is refused as a shop. */
        @JsonEnumDefaultValue UNKNOWN;

        public boolean residential() {
            return this == RESIDENTIAL;
        }

        /** Known not to be a home (a shop, an office, a factory), as opposed to not known to be one. */
        public boolean nonResidential() {
            return this == COMMERCIAL || this == OFFICE || this == INDUSTRIAL;
        }
    }

    /** A title to a residential home proves residence whatever the day. */
    @Override
    public boolean provesResidenceOn(LocalDate day) {
        return residential();
    }
}
