package cn.shanghai.residence.gateway.police;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Police's answer to an accepted application. */
public record SubmittedApplication(@NotBlank String applicationId, @NotNull Application.Status status,
        @NotNull OffsetDateTime submittedAt) {
}
