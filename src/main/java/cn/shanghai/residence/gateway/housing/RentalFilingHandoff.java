package cn.shanghai.residence.gateway.housing;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A link into the housing system's own online filing flow (住房租赁合同网签备案), valid until {@code expiresAt}. */
public record RentalFilingHandoff(@NotNull @Pattern(regexp = "https://\\S+") String url,
        @NotNull OffsetDateTime expiresAt) {

    @Override
    public String toString() {
        return "RentalFilingHandoff[url withheld, expiresAt=" + expiresAt + "]";
    }
}
