package cn.shanghai.residence.gateway.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static cn.shanghai.residence.gateway.upload.TestImages.concat;
import static cn.shanghai.residence.gateway.upload.TestImages.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The JPEG structure read from markers alone, on hand-made files whose every byte the test knows. */
class JpegFileTests {

    static final byte[] SOI = {(byte) 0xFF, (byte) 0xD8};
    static final byte[] EOI = {(byte) 0xFF, (byte) 0xD9};
    /** A 358 × 441 (0x0166 × 0x01B9) 8-bit frame of three components. */
    static final byte[] SOF0 = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1));
    static final byte[] DQT = segment(0xDB, bytes(0, 1, 2, 3));
    static final byte[] DHT = segment(0xC4, bytes(0, 1, 2));
    static final byte[] DRI = segment(0xDD, bytes(0, 8));
    static final byte[] SOS = segment(0xDA, bytes(3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0));
    /** Entropy-coded data with a stuffed zero and the first and last restart markers in it. */
    static final byte[] DATA = bytes(0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD7, 0x78);
    /** JFIF 1.2, units 1, 350 × 300 dpi, a 1 × 1 thumbnail (3 bytes of RGB). */
    static final byte[] JFIF = segment(0xE0, concat(ascii("JFIF\0"), bytes(1, 2, 1, 0x01, 0x5E, 0x01, 0x2C, 1, 1,
            9, 9, 9)));
    static final byte[] JFIF_WITHOUT_THUMBNAIL = concat(bytes(0xFF, 0xE0, 0, 16), ascii("JFIF\0"),
            bytes(1, 2, 1, 0x01, 0x5E, 0x01, 0x2C, 0, 0));
    static final byte[] EXIF = segment(0xE1, ascii("Exif\0\0GPS 31N"));
    static final byte[] COMMENT = segment(0xFE, ascii("serial 4711"));
    static final byte[] JFXX = segment(0xE0, ascii("JFXX\0thumbnail"));
    static final byte[] EMPTY_APP5 = segment(0xE5, new byte[0]);

    static byte[] minimal() {
        return concat(SOI, DQT, SOF0, DHT, SOS, DATA, EOI);
    }

    @Test
    void shouldRecogniseTheStartOfAJpeg() {
        assertThat(JpegFile.startsWithSoi(bytes(0xFF, 0xD8, 0xFF))).isTrue();
        assertThat(JpegFile.startsWithSoi(bytes(0xFF, 0xD8))).isFalse();
        assertThat(JpegFile.startsWithSoi(bytes(0x00, 0xD8, 0xFF))).isFalse();
        assertThat(JpegFile.startsWithSoi(bytes(0xFF, 0xD9, 0xFF))).isFalse();
        assertThat(JpegFile.startsWithSoi(bytes(0xFF, 0xD8, 0x00))).isFalse();
        assertThat(JpegFile.parse(ascii("%PDF-1.7"))).isEmpty();
    }

    @Test
    void shouldReadTheFrameFromItsHeader() {
        JpegFile jpeg = JpegFile.parse(minimal()).orElseThrow();

        assertThat(jpeg.frame()).isEqualTo(new JpegFile.Frame(0xC0, 8, 441, 358, 3));
        assertThat(jpeg.scans()).isEqualTo(1);
        assertThat(jpeg.density()).isNull();
    }

    @Test
    void shouldReadTheJfifDensityEachWay() {
        JpegFile jpeg = JpegFile.parse(concat(SOI, JFIF, DQT, SOF0, DHT, SOS, DATA, EOI)).orElseThrow();

        assertThat(jpeg.density()).isEqualTo(new JpegFile.Density(1, 350, 300));
    }

    @Test
    void shouldTakeTheFirstJfifHeaderOnly() {
        byte[] second = segment(0xE0, concat(ascii("JFIF\0"), bytes(1, 2, 1, 0, 72, 0, 72, 0, 0)));

        JpegFile jpeg = JpegFile.parse(concat(SOI, JFIF, second, DQT, SOF0, DHT, SOS, DATA, EOI)).orElseThrow();

        assertThat(jpeg.density()).isEqualTo(new JpegFile.Density(1, 350, 300));
        assertThat(jpeg.withoutMetadata()).isEqualTo(concat(SOI, JFIF_WITHOUT_THUMBNAIL, DQT, SOF0, DHT, SOS, DATA,
                EOI));
    }

    @Test
    void shouldNotTakeAnApp0ThatIsNotJfifForTheDensity() {
        byte[] tooShort = segment(0xE0, concat(ascii("JFIF\0"), bytes(1, 2, 1, 0x01, 0x5E, 0x01, 0x5E, 0)));
        byte[] otherName = segment(0xE0, concat(ascii("JFIX\0"), bytes(1, 2, 1, 0x01, 0x5E, 0x01, 0x5E, 0, 0)));
        byte[] noTerminator = segment(0xE0, concat(ascii("JFIFX"), bytes(1, 2, 1, 0x01, 0x5E, 0x01, 0x5E, 0, 0)));

        for (byte[] app0 : new byte[][] {tooShort, otherName, noTerminator, JFXX}) {
            JpegFile jpeg = JpegFile.parse(concat(SOI, app0, DQT, SOF0, DHT, SOS, DATA, EOI)).orElseThrow();
            assertThat(jpeg.density()).isNull();
            assertThat(jpeg.withoutMetadata()).isEqualTo(minimal());
        }
    }

    @Test
    void shouldConvertDensitiesToDotsPerInch() {
        assertThat(new JpegFile.Density(1, 350, 300).xDpi()).isEqualTo(350.0);
        assertThat(new JpegFile.Density(1, 350, 300).yDpi()).isEqualTo(300.0);
        assertThat(new JpegFile.Density(2, 138, 100).xDpi()).isCloseTo(350.52, offset(1e-9));
        assertThat(new JpegFile.Density(2, 138, 100).yDpi()).isCloseTo(254.0, offset(1e-9));
        assertThat(new JpegFile.Density(0, 1, 1).xDpi()).isNaN();
        assertThat(new JpegFile.Density(3, 350, 350).yDpi()).isNaN();
    }

    @Test
    void shouldLeaveOutEveryMetadataSegmentAndTheThumbnail() {
        byte[] phone = concat(SOI, JFIF, EXIF, JFXX, EMPTY_APP5, COMMENT, DQT, SOF0, DHT, DRI, COMMENT, SOS, DATA,
                EOI, ascii("trailing bytes after EOI"));

        byte[] stripped = JpegFile.parse(phone).orElseThrow().withoutMetadata();

        assertThat(stripped).isEqualTo(concat(SOI, JFIF_WITHOUT_THUMBNAIL, DQT, SOF0, DHT, DRI, SOS, DATA, EOI));
        assertThat(JpegFile.parse(stripped).orElseThrow().density()).isEqualTo(new JpegFile.Density(1, 350, 300));
    }

    @Test
    void shouldKeepTheAdobeColourTransformAndNoOtherApp14() {
        byte[] adobe = segment(0xEE, concat(ascii("Adobe"), bytes(0, 100, 0, 0, 0, 0, 2)));
        byte[] adobeAlone = segment(0xEE, ascii("Adobe"));
        byte[] notAdobe = segment(0xEE, concat(ascii("Adobf"), bytes(0, 100, 0, 0, 0, 0, 2)));
        byte[] tooShort = segment(0xEE, ascii("Adob"));

        byte[] stripped = JpegFile.parse(concat(SOI, JFIF, adobe, notAdobe, tooShort, adobeAlone, DQT, SOF0, DHT, SOS,
                DATA, EOI)).orElseThrow().withoutMetadata();

        assertThat(stripped).isEqualTo(concat(SOI, JFIF_WITHOUT_THUMBNAIL, adobe, adobeAlone, DQT, SOF0, DHT, SOS, DATA,
                EOI));
    }

    @Test
    void shouldKeepEveryTableAndScanOfAProgressiveImage() {
        byte[] sof2 = SOF0.clone();
        sof2[1] = (byte) 0xC2;
        byte[] exp = segment(0xDF, bytes(0x11));
        byte[] progressive = concat(SOI, DQT, sof2, DHT, SOS, DATA, DHT, COMMENT, SOS, DATA, exp, SOS, DATA, EOI);

        JpegFile jpeg = JpegFile.parse(progressive).orElseThrow();

        assertThat(jpeg.scans()).isEqualTo(3);
        assertThat(jpeg.frame().marker()).isEqualTo(0xC2);
        assertThat(jpeg.withoutMetadata()).isEqualTo(concat(SOI, DQT, sof2, DHT, SOS, DATA, DHT, SOS, DATA, exp, SOS,
                DATA, EOI));
    }

    @Test
    void shouldAcceptFillBytesBeforeMarkers() {
        byte[] filled = concat(SOI, bytes(0xFF, 0xFF), DQT, SOF0, DHT, SOS, DATA, bytes(0xFF), EOI);

        JpegFile jpeg = JpegFile.parse(filled).orElseThrow();

        assertThat(jpeg.frame().width()).isEqualTo(358);
        assertThat(jpeg.withoutMetadata()).isEqualTo(concat(SOI, bytes(0xFF, 0xFF), DQT, SOF0, DHT, SOS, DATA,
                bytes(0xFF), EOI));
    }

    @Test
    void shouldAcceptASegmentWithNoData() {
        assertThat(JpegFile.parse(concat(SOI, EMPTY_APP5, DQT, SOF0, DHT, SOS, DATA, EOI))).isPresent();
    }

    @Test
    void shouldRefuseFilesThatAreNotCompleteJpegs() {
        byte[] full = minimal();
        assertThat(JpegFile.parse(Arrays.copyOf(full, full.length - 2))).as("no EOI").isEmpty();
        assertThat(JpegFile.parse(Arrays.copyOf(full, full.length - 1))).as("half an EOI").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, SOF0, DHT, SOS, bytes(0x12, 0x34)))).as("scan cut off").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, SOF0, DHT, SOS, bytes(0x12, 0xFF)))).as("cut after FF").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT))).as("ends after a segment").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, bytes(0xFF, 0xFF)))).as("ends in fill bytes").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, bytes(0x00), SOF0, DHT, SOS, DATA, EOI))).as("junk").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, bytes(0xFF, 0xC4, 0x00)))).as("half a length").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, bytes(0xFF, 0xC4)))).as("no length").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, bytes(0xFF, 0xC4, 0x00, 0x01), DQT, SOF0, DHT, SOS, DATA, EOI)))
                .as("length below 2").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, bytes(0xFF, 0xDB, 0x00, 0x40, 1, 2, 3)))).as("past the end").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, DHT, EOI))).as("no frame").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, SOF0, DHT, EOI))).as("no scan").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, DHT, SOS, DATA, SOF0, EOI))).as("scan before frame").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, SOF0, SOF0, DHT, SOS, DATA, EOI))).as("two frames").isEmpty();
    }

    @Test
    void shouldRefuseMarkersThatCannotStandBetweenSegments() {
        for (int marker : new int[] {0xD0, 0xD7, 0xD8, 0x01, 0x00, 0xBF}) {
            byte[] stray = bytes(0xFF, marker, 0x00, 0x04, 0, 0);
            assertThat(JpegFile.parse(concat(SOI, DQT, stray, SOF0, DHT, SOS, DATA, EOI)))
                    .as("marker %02X", marker).isEmpty();
        }
        assertThat(JpegFile.parse(concat(SOI, segment(0xFE, ascii("a comment")), DQT, SOF0, DHT, SOS, DATA, EOI)))
                .as("COM, the last marker with a length").isPresent();
    }

    @Test
    void shouldRefuseFramesThatDoNotAddUp() {
        byte[] noComponents = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66, 0));
        byte[] tooShort = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66));
        byte[] componentMissing = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66, 3, 1, 0x22, 0, 2, 0x11, 1));
        byte[] componentTooMany = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66, 1, 1, 0x22, 0, 2, 0x11, 1));
        byte[] oneComponent = segment(0xC0, bytes(8, 0x01, 0xB9, 0x01, 0x66, 1, 1, 0x11, 0));

        for (byte[] frame : new byte[][] {noComponents, tooShort, componentMissing, componentTooMany}) {
            assertThat(JpegFile.parse(concat(SOI, DQT, frame, DHT, SOS, DATA, EOI))).isEmpty();
        }
        assertThat(JpegFile.parse(concat(SOI, DQT, tooShort))).as("a short frame ending the file").isEmpty();
        assertThat(JpegFile.parse(concat(SOI, DQT, oneComponent, DHT, SOS, DATA, EOI)).orElseThrow().frame())
                .isEqualTo(new JpegFile.Frame(0xC0, 8, 441, 358, 1));
    }

    @Test
    void shouldTellFramesFromTheTablesBesideThem() {
        for (int marker : new int[] {0xC1, 0xC2, 0xC3, 0xC5, 0xCB, 0xCD, 0xCF}) {
            byte[] frame = SOF0.clone();
            frame[1] = (byte) marker;
            assertThat(JpegFile.parse(concat(SOI, DQT, frame, DHT, SOS, DATA, EOI)).orElseThrow().frame().marker())
                    .isEqualTo(marker);
        }
        for (int table : new int[] {0xC4, 0xC8, 0xCC}) {
            byte[] notAFrame = segment(table, bytes(1, 2, 3));
            assertThat(JpegFile.parse(concat(SOI, notAFrame, DQT, SOF0, DHT, SOS, DATA, EOI))).as("%02X", table)
                    .isPresent();
            assertThat(JpegFile.parse(concat(SOI, DQT, notAFrame, DHT, SOS, DATA, EOI))).as("%02X alone", table)
                    .isEmpty();
        }
    }

    @Test
    void shouldReadARealEncodersOutput() {
        byte[] photo = TestImages.compliantPhotoFromAPhone();

        JpegFile jpeg = JpegFile.parse(photo).orElseThrow();
        byte[] stripped = jpeg.withoutMetadata();

        assertThat(jpeg.frame()).isEqualTo(new JpegFile.Frame(0xC0, 8, 441, 358, 3));
        assertThat(jpeg.density()).isEqualTo(new JpegFile.Density(1, 350, 350));
        assertThat(TestImages.contains(photo, "Exif")).isTrue();
        assertThat(TestImages.contains(stripped, "Exif")).isFalse();
        assertThat(TestImages.contains(stripped, TestImages.GPS_TEXT)).isFalse();
        assertThat(TestImages.contains(stripped, TestImages.COMMENT_TEXT)).isFalse();
        assertThat(TestImages.decode(stripped).getWidth()).isEqualTo(358);
        assertThat(stripped.length).isLessThan(photo.length);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
