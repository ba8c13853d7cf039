package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * The one shape every identifier a client may name (person, application, photo, license, service centre) must
 * have before it is used anywhere, above all in an upstream URL.
 */
public final class Ids {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    /** 1-64 letters, digits, '.', '_' or '-', not starting with punctuation. */
    public static boolean safe(@Nullable String id) {
        return id != null && SAFE.matcher(id).matches();
    }
}
