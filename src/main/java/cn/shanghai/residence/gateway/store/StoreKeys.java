package cn.shanghai.residence.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names every key and channel the gateway uses in Redis: all under one prefix, and persons, callers and their
 * idempotency keys only as SHA-256 hashes, so a look at Redis shows no person id. Shared, so future users of the
 * store (poller leases) name their keys the same way.
 */
public final class StoreKeys {

    private final String prefix;

    public StoreKeys(String prefix) {
        this.prefix = prefix;
    }

    /** {@code <prefix><kind>:<sha256 of the parts>}. */
    public String key(String kind, String... parts) {
        return prefix + kind + ":" + sha256(String.join("\n", parts));
    }

    /** A pub/sub channel of this deployment. */
    public String channel(String name) {
        return prefix + name;
    }

    /** Matches every key of one kind of this deployment (for SCAN: never KEYS, never FLUSHALL). */
    public String pattern(String kind) {
        return prefix + kind + ":*";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
