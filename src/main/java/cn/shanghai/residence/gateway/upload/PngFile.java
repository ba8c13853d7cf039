package cn.shanghai.residence.gateway.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A PNG's chunks, read without decoding the image, to drop the ones that carry metadata: text (tEXt, zTXt, iTXt:
 * author, software, comments, sometimes a location) and EXIF (eXIf). Every other chunk is kept byte for byte.
 */
final class PngFile {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * The chunks kept: what decoding and showing the image need (its header, palette, data, transparency, colour
     * and density); every other chunk is dropped, text, EXIF, time and private ones (a C2PA {@code caBX} can carry
     * identities and places) alike, so a chunk nobody listed cannot carry personal data through.
     */
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "pHYs", "bKGD");

    private PngFile() {
    }

    static boolean startsWithSignature(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The PNG without its metadata chunks; empty when it is not a complete PNG: no signature, IHDR not first, a chunk
     * running past the end or failing its CRC, or no IEND. Anything after IEND is left out.
     */
    static Optional<byte[]> withoutMetadata(byte[] png) {
        if (!startsWithSignature(png)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(SIGNATURE, 0, SIGNATURE.length);
        int pos = SIGNATURE.length;
        boolean first = true;
        while (pos + 12 <= png.length) {
            long length = u32(png, pos);
            if (length > png.length - pos - 12) {
                return Optional.empty();
            }
            int end = pos + 12 + (int) length;
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (first != type.equals("IHDR") || !crcMatches(png, pos, end)) {
                return Optional.empty();
            }
            first = false;
            if (KEPT.contains(type)) {
                out.write(png, pos, end - pos);
            }
            if (type.equals("IEND")) {
                return Optional.of(out.toByteArray());
            }
            pos = end;
        }
        return Optional.empty();
    }

    /** The CRC of a chunk covers its type and data and is stored in its last four bytes. */
    private static boolean crcMatches(byte[] png, int start, int end) {
        CRC32 crc = new CRC32();
        crc.update(png, start + 4, end - start - 8);
        return crc.getValue() == u32(png, end - 4);
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
