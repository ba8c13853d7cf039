package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

/** Police's residence permit (居住证) of a person. */
public record ResidencePermit(String permitNo, Status status, LocalDate issuedOn, LocalDate validUntil, String photoId,
        AutoEndorsement autoEndorsement) {

    public enum Status { VALID, LOST, EXPIRED, REVOKED }

    /** Whether the yearly endorsement can happen automatically, and if not, police's reason. */
    public record AutoEndorsement(boolean eligible, String reason) {
    }
}
