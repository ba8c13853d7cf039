package cn.shanghai.residence.gateway.bdc;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Masking;

/**
 * A person's 一网通办 profile. It holds the full ID number and mobile, which never leave the gateway: the schema
 * offers only the masked forms, and {@link #toString()} withholds them from logs.
 */
public record Profile(@NotBlank String personId, @NotBlank String name, @NotBlank String idNumber,
        @Nullable LocalDate birthDate, @Nullable Gender gender, @Nullable String mobile) {

    public enum Gender {
        MALE, FEMALE,
        /** Any other code (bdc has sent {@code F}): shown as is, used by no rule. */
        @JsonEnumDefaultValue UNKNOWN
    }

    public String idNumberMasked() {
        return Masking.idNumber(idNumber);
    }

    public @Nullable String mobileMasked() {
        return Masking.mobile(mobile);
    }

    @Override
    public String toString() {
        return "Profile[personId=" + personId + ", personal data withheld]";
    }
}
