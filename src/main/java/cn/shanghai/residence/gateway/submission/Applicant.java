package cn.shanghai.residence.gateway.submission;

/** Who applies: the signed-in caller, for themselves or for a minor in their guardianship. */
public record Applicant(String callerId, String personId) {

    boolean forSelf() {
        return callerId.equals(personId);
    }
}
