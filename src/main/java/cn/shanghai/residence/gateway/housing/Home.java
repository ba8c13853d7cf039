package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.reference.Address;

/**
 * A home the housing authority holds for a person, owned (a property certificate) or rented (a rental contract),
 * seen the one way the residence rules need: where it is, its e-licence, whether it is known to be for something else than living in, and whether
 * it proves a lawful, stable residence on a given day.
 */
public interface Home {

    Address address();

    /** The home's e-licence on the 一网通办 platform (property certificate or rental filing notice); null if none. */
    @Nullable String licenseId();

    /** What the home is used for, as the housing authority records it; null or UNKNOWN when it does not say. */
    Property.@Nullable Usage usage();

    /** For living in: only residential homes count as a lawful, stable residence. */
    default boolean residential() {
        return usage() != null && usage().residential();
    }

    /** Known to be for something else than living in (a shop, an office, a factory); unknown use is not. */
    default boolean nonResidential() {
        return usage() != null && usage().nonResidential();
    }

    /** A lawful, stable residence on {@code day}: residential, and for a contract filed and in force. */
    boolean provesResidenceOn(LocalDate day);
}
