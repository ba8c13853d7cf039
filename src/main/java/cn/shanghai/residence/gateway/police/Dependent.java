package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A minor under the person's guardianship, as police records the relation. */
public record Dependent(@NotBlank String personId, @Nullable String name, @NotNull LocalDate birthDate,
        @Nullable String relation) {

    @Override
    public String toString() {
        return "Dependent[personId=" + personId + ", relation=" + relation + "]";
    }
}
