package cn.shanghai.residence.gateway.citizen;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

import cn.shanghai.residence.gateway.i18n.Text;

/** Where a person stands in the residence-permit process, and what they can do next. */
public record Journey(Stage stage, @Nullable LocalDate eligibleFrom, List<Action> actions, List<Blocker> blockers) {

    public enum Stage {
        NOT_REGISTERED, REGISTRATION_IN_PROGRESS, REGISTERED_WAITING, ELIGIBLE_FOR_PERMIT, PERMIT_IN_PROGRESS,
        PERMIT_HOLDER, ENDORSEMENT_DUE, PERMIT_LOST, PERMIT_EXPIRED
    }

    /** Something the home screen can offer; {@code availableFrom} when it is not possible yet. */
    public record Action(ActionCode code, Text message, @Nullable LocalDate availableFrom) {
    }

    public enum ActionCode {
        APPLY_RESIDENCE_REGISTRATION, TRACK_REGISTRATION, WAIT_FOR_PERMIT_ELIGIBILITY, APPLY_RESIDENCE_PERMIT,
        UPLOAD_PERMIT_PHOTO, TRACK_PERMIT_APPLICATION, PICK_UP_PERMIT, TRACK_DELIVERY, CHANGE_REGISTRATION_ADDRESS,
        RENEW_ENDORSEMENT_OFFLINE, REPORT_PERMIT_LOSS, CANCEL_PERMIT_LOSS, FILE_RENTAL_CONTRACT,
        /** Police asked for more (NEEDS_SUPPLEMENT); the message carries police's note. */
        SUPPLEMENT_APPLICATION,
        /** An application of another kind than the stage is about is in progress: follow it, do not apply again. */
        TRACK_APPLICATION
    }

    /** A rule of the service that stands in the way. */
    public record Blocker(BlockerCode code, Text message) {
    }

    public enum BlockerCode {
        NO_RESIDENCE_PROOF, NON_RESIDENTIAL_HOUSING, REGISTRATION_TOO_RECENT, PHOTO_NOT_COMPLIANT,
        AUTO_ENDORSEMENT_FAILED, PERMIT_LOST, PERMIT_EXPIRED, GUARDIAN_REQUIRED,
        /** Police refused the newest application of a kind and nothing replaced it; the message carries the note. */
        APPLICATION_REJECTED
    }
}
