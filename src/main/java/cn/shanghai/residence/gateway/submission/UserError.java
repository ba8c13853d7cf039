package cn.shanghai.residence.gateway.submission;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.i18n.Text;

import java.util.ArrayList;
import java.util.List;

/** Why a mutation was refused: the input field at fault, a code the app switches on, and a message rendered in the request's language. */
public record UserError(@Nullable List<String> field, Code code, Text message) {

    public enum Code {
        INVALID_INPUT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, OUTCOME_UNKNOWN, DUPLICATE_APPLICATION,
        ALREADY_REGISTERED, NOT_REGISTERED, REGISTRATION_TOO_RECENT, NON_RESIDENTIAL_HOUSING, NO_RESIDENCE_PROOF,
        KINSHIP_COMMITMENT_REQUIRED, DORMITORY_CERTIFICATE_REQUIRED, PHOTO_NOT_COMPLIANT, DELIVERY_OUTSIDE_SHANGHAI,
        SERVICE_CENTER_UNAVAILABLE, GUARDIAN_REQUIRED, PERMIT_REQUIRED, PERMIT_ALREADY_VALID, PERMIT_NOT_LOST,
        PERMIT_ALREADY_LOST, REFUSED_BY_POLICE, PROOF_NOT_VALID, PROOF_ADDRESS_MISMATCH, RELATIVE_HOME_PROOF_REQUIRED,
        IN_PERSON_REQUIRED
    }

    /** An error about an input field, e.g. {@code at(code, "…", "delivery", "address", "district")}. */
    static UserError at(Code code, Text message, String... path) {
        List<String> field = new ArrayList<>();
        field.add("input");
        field.addAll(List.of(path));
        return new UserError(List.copyOf(field), code, message);
    }

    /** An error about the request as a whole. */
    static UserError of(Code code, Text message) {
        return new UserError(null, code, message);
    }
}
