package cn.shanghai.residence.gateway.police;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** An application (申请) a person made to police, with its history and how the card reaches them. */
public record Application(@NotBlank String applicationId, @NotBlank String personId, @NotNull Kind kind,
        @NotNull Status status, @NotNull OffsetDateTime submittedAt, @NotNull OffsetDateTime updatedAt,
        @Valid @Nullable Delivery delivery, @Nullable String issuedLicenseId, List<@Valid Event> events) {

    public Application {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public enum Kind {
        RESIDENCE_REGISTRATION, RESIDENCE_PERMIT_NEW, REGISTRATION_ADDRESS_CHANGE, PERMIT_LOSS_REPORT,
        PERMIT_LOSS_CANCEL, PERMIT_PHOTO_CHANGE,
        /** A business police added later: shown, followed while open, never offered. */
        @JsonEnumDefaultValue UNKNOWN
    }

    public enum Status {
        SUBMITTED, UNDER_REVIEW, NEEDS_SUPPLEMENT, APPROVED, REJECTED, IN_PRODUCTION, READY_FOR_PICKUP, SHIPPED,
        DELIVERED, COMPLETED, CANCELLED,
        /**
         * A status police added later (e.g. PENDING_PAYMENT). Not closed, so the application counts as open, in
         * progress: the journey follows it instead of offering the business again, and no reminder guesses at it.
         */
        @JsonEnumDefaultValue UNKNOWN;

        private static final Set<Status> CLOSED = Set.of(REJECTED, DELIVERED, COMPLETED, CANCELLED);

        /** Still moving: police's {@code scope=OPEN}. */
        public boolean open() {
            return !CLOSED.contains(this);
        }
    }

    public enum DeliveryMethod {
        PICKUP, POSTAL,
        /** A way of handing the card over police added later: shown only; never accepted in an input. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** Pick-up at a service centre (serviceCenterId) or postal delivery (trackingNo). */
    public record Delivery(@NotNull DeliveryMethod method, @Nullable String serviceCenterId,
            @Nullable String trackingNo) {
    }

    /** One step of the timeline. */
    public record Event(@NotNull OffsetDateTime at, @NotNull Status status, @Nullable String note) {
    }

    public boolean open() {
        return status.open();
    }
}
