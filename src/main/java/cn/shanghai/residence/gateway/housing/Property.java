package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;

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
        RESIDENTIAL, COMMERCIAL, OFFICE, INDUSTRIAL;

        public boolean residential() {
            return this == RESIDENTIAL;
        }
    }

    /** For living in: only residential homes count as a lawful, stable residence. */
    public boolean residential() {
        return usage != null && usage.residential();
    }

    @Override
    public boolean nonResidential() {
        return usage != null && !usage.residential();
    }

    /** A title to a residential home proves residence whatever the day. */
    @Override
    public boolean provesResidenceOn(LocalDate day) {
        return residential();
    }
}
