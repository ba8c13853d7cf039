package cn.shanghai.residence.gateway.police;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A document (材料) stored at police for applications to reference by id: a relative's title or filed contract, a
 * dormitory certificate. {@link #personId()} is its owner, which the gateway checks before a submission names it.
 */
public record Attachment(@NotBlank String attachmentId, @NotBlank String personId, @NotBlank String contentType,
        @Positive long sizeBytes, @NotNull OffsetDateTime uploadedAt) {

    @Override
    public String toString() {
        return "Attachment[attachmentId=" + attachmentId + ", contentType=" + contentType + ", sizeBytes=" + sizeBytes
                + "]";
    }
}
