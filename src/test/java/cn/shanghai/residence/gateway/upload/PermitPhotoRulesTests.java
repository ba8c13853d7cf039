package cn.shanghai.residence.gateway.upload;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

import static cn.shanghai.residence.gateway.upload.JpegFileTests.DATA;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.DHT;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.DQT;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.EOI;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.SOF0;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.SOI;
import static cn.shanghai.residence.gateway.upload.JpegFileTests.SOS;
import static cn.shanghai.residence.gateway.upload.TestImages.concat;
import static cn.shanghai.residence.gateway.upload.TestImages.photo;
import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static org.assertj.core.api.Assertions.assertThat;

/** The permit photo rules on images the test draws: one compliant, one per broken rule, and the edges of each rule. */
class PermitPhotoRulesTests {

    private static final Color BLUE = new Color(67, 142, 219);

    @Test
    void shouldAcceptACompliantPhotoAndForwardItWithoutMetadata() {
        byte[] phone = TestImages.compliantPhotoFromAPhone();

        CheckedUpload checked = PermitPhotoRules.check(phone);

        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.accepted()).isTrue();
        assertThat(checked.contentType()).isEqualTo("image/jpeg");
        assertThat(checked.bytes()).isEqualTo(JpegFile.parse(phone).orElseThrow().withoutMetadata());
        assertThat(TestImages.contains(checked.bytes(), TestImages.GPS_TEXT)).isFalse();
        BufferedImage forwarded = TestImages.decode(checked.bytes());
        assertThat(forwarded.getWidth()).isEqualTo(358);
        assertThat(forwarded.getHeight()).isEqualTo(441);
    }

    @Test
    void shouldRefuseWhatIsNotAJpeg() {
        assertThat(reasons(TestImages.png(358, 441))).containsExactly(Reason.FORMAT);
        assertThat(reasons(new byte[0])).containsExactly(Reason.FORMAT);
        assertThat(both(PermitPhotoRules.check(TestImages.png(358, 441)).refusals().get(0).message())).contains("JPEG");
    }

    @Test
    void shouldRefuseADamagedJpeg() {
        byte[] photo = TestImages.compliantPhotoFromAPhone();

        assertThat(reasons(Arrays.copyOf(photo, photo.length / 2))).containsExactly(Reason.FORMAT);
        assertThat(PermitPhotoRules.check(Arrays.copyOf(photo, photo.length / 2)).bytes()).isEmpty();
    }

    @Test
    void shouldRefuseAJpegWhoseHeaderIsRightButWhoseImageCannotBeDecoded() {
        byte[] noTables = concat(SOI, TestImages.photoJfif(), DQT, SOF0, SOS, DATA, EOI);

        assertThat(reasons(noTables)).containsExactly(Reason.FORMAT);
    }

    @Test
    void shouldTakeOnlyEightBitColourHuffmanJpegs() {
        byte[] baseline = photo(358, 441, Color.WHITE, 1, 350, 350);
        int sof = indexOfFrame(baseline);

        assertThat(reasons(withByte(baseline, sof + 1, 0xC1))).as("extended sequential").isEmpty();
        assertThat(reasons(withByte(baseline, sof + 1, 0xC3))).as("lossless").containsExactly(Reason.FORMAT);
        assertThat(reasons(withByte(baseline, sof + 1, 0xC9))).as("arithmetic").containsExactly(Reason.FORMAT);
        assertThat(reasons(withByte(baseline, sof + 4, 12))).as("12-bit").containsExactly(Reason.FORMAT);
        assertThat(reasons(grey(358, 441))).as("grey, one component").containsExactly(Reason.FORMAT);
        assertThat(reasons(TestImages.progressive(photo358x441()))).as("progressive").isEmpty();
    }

    @Test
    void shouldLimitTheScansAProgressiveImageMayHave() {
        assertThat(PermitPhotoRules.decodable(withScans(PermitPhotoRules.MAX_SCANS))).isTrue();
        assertThat(PermitPhotoRules.decodable(withScans(PermitPhotoRules.MAX_SCANS + 1))).isFalse();
    }

    @Test
    void shouldRefuseOtherDimensionsAndSayWhichTheyAre() {
        CheckedUpload large = PermitPhotoRules.check(photo(400, 500, Color.WHITE, 1, 350, 350));

        assertThat(large.refusals()).extracting(UploadRefusal::reason).containsExactly(Reason.DIMENSIONS);
        assertThat(both(large.refusals().get(0).message())).contains("400×500").contains("358×441");
        assertThat(reasons(photo(357, 441, Color.WHITE, 1, 350, 350))).containsExactly(Reason.DIMENSIONS);
        assertThat(reasons(photo(358, 440, Color.WHITE, 1, 350, 350))).containsExactly(Reason.DIMENSIONS);
    }

    @Test
    void shouldNeverDecodeAnImageWhoseHeaderAnnouncesAnotherSize() {
        byte[] bomb = photo(358, 441, Color.WHITE, 1, 350, 350);
        int sof = indexOfFrame(bomb);
        bomb[sof + 5] = (byte) 0xFF;
        bomb[sof + 6] = (byte) 0xFF;
        bomb[sof + 7] = (byte) 0xFF;
        bomb[sof + 8] = (byte) 0xFF;

        CheckedUpload checked = PermitPhotoRules.check(bomb);

        assertThat(checked.refusals()).extracting(UploadRefusal::reason)
                .as("a decode of 65535 × 65535 would have failed as FORMAT, or run out of memory")
                .containsExactly(Reason.DIMENSIONS);
        assertThat(both(checked.refusals().get(0).message())).contains("65535×65535");
    }

    @Test
    void shouldRefuseOtherResolutionsAndSayWhatTheFileDeclares() {
        CheckedUpload screen = PermitPhotoRules.check(photo(358, 441, Color.WHITE, 1, 72, 72));

        assertThat(screen.refusals()).extracting(UploadRefusal::reason).containsExactly(Reason.RESOLUTION);
        assertThat(both(screen.refusals().get(0).message())).contains("72×72 dpi").contains("350");
        assertThat(reasons(photo(358, 441, Color.WHITE, 1, 349, 350))).containsExactly(Reason.RESOLUTION);
        assertThat(reasons(photo(358, 441, Color.WHITE, 1, 351, 350))).containsExactly(Reason.RESOLUTION);
        assertThat(reasons(photo(358, 441, Color.WHITE, 1, 350, 349))).containsExactly(Reason.RESOLUTION);
        assertThat(reasons(photo(358, 441, Color.WHITE, 1, 350, 351))).containsExactly(Reason.RESOLUTION);
        assertThat(reasons(photo(358, 441, Color.WHITE, 2, 137, 138))).containsExactly(Reason.RESOLUTION);
    }

    @Test
    void shouldConvertDotsPerCentimetre() {
        assertThat(reasons(photo(358, 441, Color.WHITE, 2, 138, 138))).as("138 dots/cm = 350.5 dpi").isEmpty();
        assertThat(both(PermitPhotoRules.check(photo(358, 441, Color.WHITE, 2, 100, 100)).refusals().get(0).message()))
                .contains("254×254 dpi");
    }

    @Test
    void shouldRefuseAPhotoThatDeclaresNoPhysicalResolution() {
        CheckedUpload aspectOnly = PermitPhotoRules.check(photo(358, 441, Color.WHITE, 0, 1, 1));

        assertThat(aspectOnly.refusals()).extracting(UploadRefusal::reason).containsExactly(Reason.RESOLUTION);
        assertThat(both(aspectOnly.refusals().get(0).message())).contains("未标明").contains("declares none");
        assertThat(reasons(withoutJfif(photo358x441()))).containsExactly(Reason.RESOLUTION);
        assertThat(PermitPhotoRules.is350Dpi(null)).isFalse();
        assertThat(PermitPhotoRules.is350Dpi(new JpegFile.Density(1, 350, 350))).isTrue();
    }

    @Test
    void shouldRefuseABackgroundThatIsNotWhite() {
        assertThat(reasons(photo(358, 441, BLUE, 1, 350, 350))).containsExactly(Reason.BACKGROUND);
        assertThat(reasons(photo(358, 441, new Color(225, 225, 225), 1, 350, 350))).as("light grey")
                .containsExactly(Reason.BACKGROUND);
        assertThat(reasons(photo(358, 441, new Color(255, 236, 200), 1, 350, 350))).as("cream")
                .containsExactly(Reason.BACKGROUND);
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnce() {
        assertThat(reasons(photo(358, 441, BLUE, 1, 72, 72)))
                .containsExactly(Reason.RESOLUTION, Reason.BACKGROUND);
        assertThat(reasons(photo(400, 500, BLUE, 1, 72, 72))).as("not decoded: no background verdict")
                .containsExactly(Reason.DIMENSIONS, Reason.RESOLUTION);
        assertThat(PermitPhotoRules.check(photo(358, 441, BLUE, 1, 72, 72)).bytes()).isEmpty();
    }

    @Test
    void shouldSampleTheTopBandAndTheSidesOfTheUpperHalf() {
        assertThat(PermitPhotoRules.inBand(179, 0, 358, 441)).isTrue();
        assertThat(PermitPhotoRules.inBand(179, 15, 358, 441)).isTrue();
        assertThat(PermitPhotoRules.inBand(179, 16, 358, 441)).isFalse();
        assertThat(PermitPhotoRules.inBand(15, 16, 358, 441)).isTrue();
        assertThat(PermitPhotoRules.inBand(16, 16, 358, 441)).isFalse();
        assertThat(PermitPhotoRules.inBand(341, 100, 358, 441)).isFalse();
        assertThat(PermitPhotoRules.inBand(342, 100, 358, 441)).isTrue();
        assertThat(PermitPhotoRules.inBand(0, 219, 358, 441)).isTrue();
        assertThat(PermitPhotoRules.inBand(0, 220, 358, 441)).isFalse();
        assertThat(PermitPhotoRules.inBand(357, 220, 358, 441)).isFalse();
        assertThat(PermitPhotoRules.inBand(357, 440, 358, 441)).isFalse();
    }

    @Test
    void shouldWeighTheChannelsAsRec601() {
        assertThat(PermitPhotoRules.luminance(rgb(255, 0, 0))).isEqualTo(76);
        assertThat(PermitPhotoRules.luminance(rgb(0, 255, 0))).isEqualTo(149);
        assertThat(PermitPhotoRules.luminance(rgb(0, 0, 255))).isEqualTo(29);
        assertThat(PermitPhotoRules.luminance(rgb(200, 200, 200))).isEqualTo(200);
        assertThat(PermitPhotoRules.luminance(0xFF000000 | rgb(10, 20, 30))).as("alpha ignored").isEqualTo(18);
    }

    @Test
    void shouldCallAPixelWhiteWhenBrightAndUntinted() {
        assertThat(PermitPhotoRules.isWhite(rgb(220, 220, 220))).isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(219, 219, 219))).isFalse();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 226, 250))).as("spread 24 in green").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 225, 250))).as("spread 25 in green").isFalse();
        assertThat(PermitPhotoRules.isWhite(rgb(226, 250, 250))).as("spread 24 in red").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(225, 250, 250))).as("spread 25 in red").isFalse();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 250, 226))).as("spread 24 in blue").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 250, 225))).as("spread 25 in blue").isFalse();
        assertThat(PermitPhotoRules.isWhite(rgb(226, 250, 238))).as("low red, high green").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(238, 226, 250))).as("low green, high blue").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 238, 226))).as("high red, low blue").isTrue();
        assertThat(PermitPhotoRules.isWhite(rgb(250, 238, 225))).isFalse();
        assertThat(PermitPhotoRules.isWhite(rgb(225, 238, 250))).isFalse();
    }

    @Test
    void shouldJudgeTheBandByItsMeanAndItsShareOfWhitePixels() {
        assertThat(PermitPhotoRules.whiteBackground(filled(40, 40, 255), 40, 40)).isTrue();
        assertThat(PermitPhotoRules.whiteBackground(filled(40, 40, 235), 40, 40)).as("mean at the limit").isTrue();
        assertThat(PermitPhotoRules.whiteBackground(filled(40, 40, 234), 40, 40)).as("mean below").isFalse();
        assertThat(PermitPhotoRules.whiteBackground(new int[0], 0, 0)).as("nothing to sample").isFalse();
        assertThat(PermitPhotoRules.whiteBackground(filled(4, 3, 255), 4, 3)).as("all of it is band").isTrue();

        // 50 × 32: the band is the top 16 rows, 800 pixels; 97 % of them is 776.
        assertThat(PermitPhotoRules.whiteBackground(withGreyPixels(filled(50, 32, 255), 24), 50, 32)).isTrue();
        assertThat(PermitPhotoRules.whiteBackground(withGreyPixels(filled(50, 32, 255), 25), 50, 32)).isFalse();
    }

    @Test
    void shouldIgnoreWhatLiesOutsideTheBand() {
        int[] portrait = filled(40, 40, 255);
        for (int y = 16; y < 40; y++) {
            for (int x = 16; x < 24; x++) {
                portrait[y * 40 + x] = rgb(20, 20, 20);
            }
        }
        for (int y = 20; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                portrait[y * 40 + x] = rgb(20, 20, 20);
            }
        }
        assertThat(PermitPhotoRules.whiteBackground(portrait, 40, 40)).isTrue();

        int[] darkSides = filled(40, 40, 255);
        for (int y = 16; y < 20; y++) {
            for (int x : new int[] {0, 1, 2, 3, 4, 5, 36, 37, 38, 39}) {
                darkSides[y * 40 + x] = rgb(20, 20, 20);
            }
        }
        assertThat(PermitPhotoRules.whiteBackground(darkSides, 40, 40)).as("40 of 768 sampled are dark").isFalse();
    }

    @Test
    void shouldReadEachRowAtItsOwnOffset() {
        int[] image = filled(40, 30, 255);
        for (int x = 0; x < 4; x++) {
            image[x] = rgb(0, 0, 0);
        }
        for (int x = 0; x < 40; x++) {
            image[29 * 40 + x] = rgb(0, 0, 0);
            image[28 * 40 + x] = rgb(0, 0, 0);
        }
        for (int y = 16; y < 30; y++) {
            image[y * 40 + 20] = rgb(0, 0, 0);
        }
        assertThat(PermitPhotoRules.whiteBackground(image, 40, 30))
                .as("4 dark pixels of 640 in the band (0.6 %), the rest of the dark below it").isTrue();
    }

    private static List<Reason> reasons(byte[] jpeg) {
        return PermitPhotoRules.check(jpeg).refusals().stream().map(UploadRefusal::reason).toList();
    }

    private static byte[] photo358x441() {
        return photo(358, 441, Color.WHITE, 1, 350, 350);
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    private static int[] filled(int width, int height, int grey) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, rgb(grey, grey, grey));
        return pixels;
    }

    /** Makes the first {@code count} pixels grey (luminance 200, not white); the band's mean stays above 235. */
    private static int[] withGreyPixels(int[] pixels, int count) {
        for (int i = 0; i < count; i++) {
            pixels[i] = rgb(200, 200, 200);
        }
        return pixels;
    }

    private static byte[] grey(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        return TestImages.jpeg(image, 1, 350, 350);
    }

    private static int indexOfFrame(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOF0");
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] changed = bytes.clone();
        changed[at] = (byte) value;
        return changed;
    }

    private static byte[] withoutJfif(byte[] jpeg) {
        int jfifEnd = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(Arrays.copyOf(jpeg, 2), Arrays.copyOfRange(jpeg, jfifEnd, jpeg.length));
    }

    private static JpegFile withScans(int scans) {
        byte[][] parts = new byte[scans * 2 + 5][];
        parts[0] = SOI;
        parts[1] = DQT;
        parts[2] = SOF0;
        parts[3] = DHT;
        for (int i = 0; i < scans; i++) {
            parts[4 + 2 * i] = SOS;
            parts[5 + 2 * i] = DATA;
        }
        parts[parts.length - 1] = EOI;
        return JpegFile.parse(concat(parts)).orElseThrow();
    }
}
