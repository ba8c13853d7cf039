package cn.shanghai.residence.stubs.world;

/** How a person's next application ends, set through the admin API so integrators can test each path. */
public enum Outcome {
    /** The service's ordinary course. */
    NORMAL,
    /** Review stops at NEEDS_SUPPLEMENT where it would have been approved. */
    NEEDS_SUPPLEMENT,
    /** Review ends in REJECTED where it would have been approved. */
    REJECTED,
    /** A permit sent by post: the parcel goes into EMS EXCEPTION the day after shipping and is never delivered. */
    PARCEL_EXCEPTION,
    /** A permit sent by post: the parcel fails delivery and is RETURNED to the sender. */
    PARCEL_RETURNED,
    /** Review takes much longer than usual (five working days for a registration, ten for a permit). */
    SLOW_REVIEW
}
