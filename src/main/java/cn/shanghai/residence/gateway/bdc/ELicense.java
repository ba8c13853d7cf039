package cn.shanghai.residence.gateway.bdc;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Masking;

/** A shared electronic license (电子证照) held by the big-data centre. */
public record ELicense(@NotBlank String licenseId, @NotNull Type type, @NotBlank String number,
        @NotBlank String issuer, @NotNull LocalDate issuedOn, @Nullable LocalDate validUntil, @NotNull Status status) {

    public enum Type {
        RESIDENCE_REGISTRATION_CERTIFICATE, RESIDENCE_PERMIT, PROPERTY_CERTIFICATE, RENTAL_FILING_NOTICE, ID_CARD,
        /** A licence type bdc added later: listed, its number masked like an ID card's, proving nothing. */
        @JsonEnumDefaultValue UNKNOWN
    }

    public enum Status {
        VALID, EXPIRED, REVOKED,
        /** Not known to be valid: proves nothing, and a permit in this state is not offered. */
        @JsonEnumDefaultValue UNKNOWN
    }

    /**
     * Whether the gateway shows this licence at all. The service does not offer the history of permits that have
     * lapsed ("持证人已经失效的居住证历史信息不提供查询"), so a residence permit is shown only while it is valid;
     * every other licence is shown whatever its status (an expired filing notice still explains a refusal).
     */
    public boolean offered() {
        return type != Type.RESIDENCE_PERMIT || status == Status.VALID;
    }

    /**
     * The license number as shown: an ID card's number is the national ID number, so it is masked; so is the number
     * of a type the gateway does not know, which may be personal too (a social security card's is the ID number).
     */
    public String displayNumber() {
        return type == Type.ID_CARD || type == Type.UNKNOWN ? Masking.idNumber(number) : number;
    }

    @Override
    public String toString() {
        return "ELicense[licenseId=" + licenseId + ", type=" + type + ", status=" + status + "]";
    }
}
