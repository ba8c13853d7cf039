package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ids of trusted documents, as the GraphQL-over-HTTP persisted documents convention writes them:
 * {@code sha256:} and the lowercase hex SHA-256 of the document's UTF-8 text.
 */
final class DocumentIds {

    static final String PREFIX = "sha256:";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private DocumentIds() {
    }

    /** The id of a document. */
    static String of(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("every Java runtime has SHA-256", unavailable);
        }
    }

    /** The id in its one written form ({@code sha256:<64 lowercase hex>}), or empty when it is not one. */
    static Optional<String> parse(String id) {
        if (id == null || !id.startsWith(PREFIX) || !HEX.matcher(id.substring(PREFIX.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
