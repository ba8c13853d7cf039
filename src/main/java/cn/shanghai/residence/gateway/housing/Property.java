package cn.shanghai.residence.gateway.housing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Address;

/** A property the person holds a certificate for (房地产权证). */
public record Property(@NotBlank String certificateNo, @NotNull @Valid Address address, @NotNull Usage usage,
        @Nullable String licenseId) {

    /** Only residential homes count as a lawful, stable residence. */
    public enum Usage {
        RESIDENTIAL, COMMERCIAL, OFFICE, INDUSTRIAL;

        public boolean residential() {
            return this == RESIDENTIAL;
        }
    }

    public boolean residential() {
        return usage != null && usage.residential();
    }
}
