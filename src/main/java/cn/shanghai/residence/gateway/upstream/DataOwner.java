package cn.shanghai.residence.gateway.upstream;

import org.jspecify.annotations.Nullable;

/**
 * Whose personal data one value of a resource is, as the access audit names it: ids only, never a value.
 *
 * @param personId      the person the data is about (the signed-in person or a minor in their guardianship)
 * @param applicationId the application the value is, if it is one
 */
public record DataOwner(@Nullable String personId, @Nullable String applicationId) {

    public static DataOwner person(String personId) {
        return new DataOwner(personId, null);
    }
}
