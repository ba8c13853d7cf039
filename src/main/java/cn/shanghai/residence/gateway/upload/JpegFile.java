package cn.shanghai.residence.gateway.upload;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A JPEG's structure read from its markers alone, without decoding a pixel: the frame size and JFIF density that the
 * photo rules check before anything is decompressed (a small file whose header announces a huge image is refused
 * unread), and the file without the segments that carry metadata. EXIF (APP1) holds GPS positions, capture times and
 * device serial numbers, which are personal data; XMP, ICC profiles, maker notes, comments and thumbnails go too.
 */
final class JpegFile {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int APP0 = 0xE0;
    private static final byte[] JFIF = {'J', 'F', 'I', 'F', 0};
    /** "JFIF\0", version (2), units, x density (2), y density (2), thumbnail width and height. */
    private static final int JFIF_HEADER_BYTES = 14;

    private final byte[] bytes;
    private final List<Segment> segments;
    private final Frame frame;
    private final @Nullable Segment jfif;

    /** The start of frame: how the image is coded and how large it says it is. */
    record Frame(int marker, int precision, int height, int width, int components) {
    }

    /** The JFIF APP0 pixel density: units 0 (aspect ratio only), 1 (dots per inch) or 2 (dots per cm). */
    record Density(int units, int x, int y) {

        double xDpi() {
            return dpi(x);
        }

        double yDpi() {
            return dpi(y);
        }

        private double dpi(int density) {
            return switch (units) {
                case 1 -> density;
                case 2 -> density * 2.54;
                default -> Double.NaN;
            };
        }
    }

    /** One marker segment from its first 0xFF to its end; a scan's segment includes its entropy-coded data. */
    private record Segment(int marker, int start, int dataStart, int end) {
    }

    private JpegFile(byte[] bytes, List<Segment> segments, Frame frame, @Nullable Segment jfif) {
        this.bytes = bytes;
        this.segments = segments;
        this.frame = frame;
        this.jfif = jfif;
    }

    /** Whether the bytes start like a JPEG: SOI and the first byte of the next marker (FF D8 FF). */
    static boolean startsWithSoi(byte[] bytes) {
        return bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == SOI && u8(bytes, 2) == 0xFF;
    }

    /**
     * The file's structure; empty when it is not a complete JPEG: no SOI, a segment running past the end, a second
     * frame, a scan before the frame, no scan, or no EOI. Anything after EOI is ignored.
     */
    static Optional<JpegFile> parse(byte[] bytes) {
        if (!startsWithSoi(bytes)) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        Frame frame = null;
        Segment jfif = null;
        int pos = 2;
        while (true) {
            if (pos >= bytes.length || u8(bytes, pos) != 0xFF) {
                return Optional.empty();
            }
            int start = pos;
            while (pos < bytes.length && u8(bytes, pos) == 0xFF) {
                pos++;
            }
            if (pos >= bytes.length) {
                return Optional.empty();
            }
            int marker = u8(bytes, pos);
            if (marker == EOI) {
                break;
            }
            if (!hasLength(marker) || pos + 3 > bytes.length) {
                return Optional.empty();
            }
            int dataStart = pos + 3;
            int end = pos + 1 + u16(bytes, pos + 1);
            if (end < dataStart || end > bytes.length) {
                return Optional.empty();
            }
            if (isFrame(marker)) {
                if (frame != null) {
                    return Optional.empty();
                }
                frame = frame(marker, bytes, dataStart, end);
                if (frame == null) {
                    return Optional.empty();
                }
            } else if (marker == SOS) {
                if (frame == null) {
                    return Optional.empty();
                }
                end = endOfScan(bytes, end);
                if (end < 0) {
                    return Optional.empty();
                }
            }
            Segment segment = new Segment(marker, start, dataStart, end);
            if (jfif == null && marker == APP0 && isJfif(bytes, dataStart, end)) {
                jfif = segment;
            }
            segments.add(segment);
            pos = end;
        }
        boolean scanned = segments.stream().anyMatch(segment -> segment.marker() == SOS);
        return frame != null && scanned ? Optional.of(new JpegFile(bytes, List.copyOf(segments), frame, jfif))
                : Optional.empty();
    }

    Frame frame() {
        return frame;
    }

    /** How many scans the image is coded in (1 for baseline, about 10 for a usual progressive JPEG). */
    int scans() {
        return (int) segments.stream().filter(segment -> segment.marker() == SOS).count();
    }

    /** The density of the first JFIF APP0 segment; null when there is none. */
    @Nullable Density density() {
        if (jfif == null) {
            return null;
        }
        int at = jfif.dataStart() + JFIF.length + 2;
        return new Density(u8(bytes, at), u16(bytes, at + 1), u16(bytes, at + 3));
    }

    /**
     * The same image with only what decoding needs: SOI, the JFIF header (density kept, its thumbnail dropped), the
     * tables (DQT, DHT, DAC, DRI), the Adobe segment (its colour transform, without which a scanner's CMYK or YCCK
     * file decodes garbled; no personal data), the frame, the scans with their data, EOI. Every other APPn segment
     * (EXIF, XMP, ICC, maker notes), comments, JFXX thumbnails and bytes after EOI are left out.
     */
    byte[] withoutMetadata() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(0xFF);
        out.write(SOI);
        for (Segment segment : segments) {
            if (segment == jfif) {
                out.write(0xFF);
                out.write(APP0);
                out.write(0);
                out.write(JFIF_HEADER_BYTES + 2);
                out.write(bytes, segment.dataStart(), JFIF_HEADER_BYTES - 2);
                out.write(0);
                out.write(0);
            } else if (segment.marker() < APP0 || isAdobe(segment)) {
                out.write(bytes, segment.start(), segment.end() - segment.start());
            }
        }
        out.write(0xFF);
        out.write(EOI);
        return out.toByteArray();
    }

    /** Markers followed by a length: all from SOF0 (C0) to COM (FE) except RST0-7, SOI and EOI (D0-D9). */
    private static boolean hasLength(int marker) {
        return marker >= 0xC0 && marker <= 0xFE && (marker < 0xD0 || marker > EOI);
    }

    /** SOF0-SOF15, which are C0-CF except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }

    private static @Nullable Frame frame(int marker, byte[] bytes, int dataStart, int end) {
        if (end - dataStart < 6) {
            return null;
        }
        int components = u8(bytes, dataStart + 5);
        if (components == 0 || end - dataStart != 6 + 3 * components) {
            return null;
        }
        return new Frame(marker, u8(bytes, dataStart), u16(bytes, dataStart + 1), u16(bytes, dataStart + 3),
                components);
    }

    private static boolean isJfif(byte[] bytes, int dataStart, int end) {
        if (end - dataStart < JFIF_HEADER_BYTES) {
            return false;
        }
        for (int i = 0; i < JFIF.length; i++) {
            if (bytes[dataStart + i] != JFIF[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the entropy-coded data after a scan header ends: at the first marker that is neither a stuffed zero
     * (FF 00) nor a restart marker (FF D0-D7); -1 when the file ends first.
     */
    private static int endOfScan(byte[] bytes, int from) {
        int pos = from;
        while (pos + 1 < bytes.length) {
            if (u8(bytes, pos) != 0xFF) {
                pos++;
                continue;
            }
            int next = u8(bytes, pos + 1);
            if (next == 0 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2;
            } else if (next == 0xFF) {
                pos++;
            } else {
                return pos;
            }
        }
        return -1;
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    private static int u16(byte[] bytes, int at) {
        return (u8(bytes, at) << 8) | u8(bytes, at + 1);
    }

    /** APP14 "Adobe": the colour transform of the scan data; version, flags and transform, nothing personal. */
    private boolean isAdobe(Segment segment) {
        return segment.marker() == 0xEE && segment.end() - segment.dataStart() >= ADOBE.length
                && Arrays.equals(bytes, segment.dataStart(), segment.dataStart() + ADOBE.length, ADOBE, 0, ADOBE.length);
    }

    private static final byte[] ADOBE = {'A', 'd', 'o', 'b', 'e'};
}
