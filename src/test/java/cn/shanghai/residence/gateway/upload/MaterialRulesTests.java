package cn.shanghai.residence.gateway.upload;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

import static cn.shanghai.residence.gateway.upload.TestImages.chunk;
import static cn.shanghai.residence.gateway.upload.TestImages.concat;
import static cn.shanghai.residence.gateway.upload.TestImages.withChunkAfterHeader;
import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static org.assertj.core.api.Assertions.assertThat;

/** Materials: the type from the bytes alone, images without their metadata, anything else refused. */
class MaterialRulesTests {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Title (房产证) >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] IEND = chunk("IEND", new byte[0]);

    @Test
    void shouldTakeAPdfAsItIs() {
        CheckedUpload checked = MaterialRules.check(PDF);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.contentType()).isEqualTo("application/pdf");
        assertThat(checked.bytes()).isEqualTo(PDF);
        assertThat(MaterialRules.check(ascii("%PDF-")).contentType()).as("the signature alone").isEqualTo(
                "application/pdf");
    }

    @Test
    void shouldStripAJpegMaterialWithThePhotosStripper() {
        byte[] scan = TestImages.withExifGps(TestImages.photo(600, 800, java.awt.Color.WHITE, 1, 300, 300));

        CheckedUpload checked = MaterialRules.check(scan);

        assertThat(checked.contentType()).isEqualTo("image/jpeg");
        assertThat(checked.bytes()).isEqualTo(JpegFile.parse(scan).orElseThrow().withoutMetadata());
        assertThat(TestImages.contains(checked.bytes(), TestImages.GPS_TEXT)).isFalse();
    }

    @Test
    void shouldKeepOnlyTheChunksAnImageNeedsDroppingTimePrivateAndProvenanceChunks() {
        byte[] plain = TestImages.png(40, 30);
        byte[] annotated = plain;
        for (byte[] unlisted : new byte[][] {chunk("tIME", new byte[] {0x07, (byte) 0xEA, 11, 29, 9, 30, 0}),
                chunk("caBX", ascii("c2pa: signer Li Na, 31.2N 121.4E")), chunk("prVt", ascii("device SN-4711"))}) {
            annotated = withChunkAfterHeader(annotated, unlisted);
        }

        assertThat(MaterialRules.check(annotated).bytes()).isEqualTo(plain);
    }

    @Test
    void shouldDropTheTextAndExifChunksOfAPng() {
        byte[] plain = TestImages.png(40, 30);
        byte[] kept = chunk("pHYs", new byte[] {0, 0, 0x0E, (byte) 0xC4, 0, 0, 0x0E, (byte) 0xC4, 1});
        byte[] annotated = plain;
        for (byte[] metadata : new byte[][] {chunk("tEXt", ascii("Author\0Li Na")), chunk("zTXt", ascii("GPS\0\0x")),
                chunk("iTXt", ascii("Comment\0\0\0\0\0serial 4711")), chunk("eXIf", ascii("MM\0*GPS")), kept}) {
            annotated = withChunkAfterHeader(annotated, metadata);
        }

        CheckedUpload checked = MaterialRules.check(annotated);

        assertThat(checked.contentType()).isEqualTo("image/png");
        assertThat(checked.bytes()).isEqualTo(withChunkAfterHeader(plain, kept));
        assertThat(TestImages.decode(checked.bytes()).getWidth()).isEqualTo(40);
    }

    @Test
    void shouldLeaveOutWhatFollowsIend() {
        byte[] plain = TestImages.png(4, 3);

        assertThat(MaterialRules.check(concat(plain, ascii("hidden"))).bytes()).isEqualTo(plain);
    }

    @Test
    void shouldRefuseADamagedPng() {
        byte[] plain = TestImages.png(4, 3);
        byte[] badCrc = plain.clone();
        badCrc[plain.length - 13] ^= 1;
        byte[] header = Arrays.copyOf(plain, 8 + 25);
        byte[] rest = Arrays.copyOfRange(plain, 8 + 25, plain.length);

        assertDamagedPng(badCrc, "a chunk's CRC");
        assertDamagedPng(Arrays.copyOf(plain, plain.length - 12), "no IEND");
        assertDamagedPng(Arrays.copyOf(plain, plain.length - 1), "IEND cut");
        assertDamagedPng(concat(PngFile.SIGNATURE, chunk("tEXt", ascii("a\0b")), Arrays.copyOfRange(plain, 8,
                plain.length)), "IHDR not first");
        assertDamagedPng(concat(header, Arrays.copyOfRange(plain, 8, 8 + 25), rest), "a second IHDR");
        assertDamagedPng(concat(header, ByteBuffer.allocate(8).putInt(13).put(ascii("IDAT")).array(), IEND),
                "past the end");
        assertDamagedPng(concat(header, ByteBuffer.allocate(12).putInt(-1).put(ascii("IDAT")).array(), IEND),
                "a length of 4 GB");
        assertDamagedPng(PngFile.SIGNATURE, "signature only");
    }

    @Test
    void shouldAcceptAnEmptyChunkEndingTheFile() {
        byte[] header = Arrays.copyOf(TestImages.png(4, 3), 8 + 25);

        assertThat(PngFile.withoutMetadata(concat(header, IEND))).hasValue(concat(header, IEND));
    }

    @Test
    void shouldRecogniseThePngSignatureOnly() {
        byte[] signature = PngFile.SIGNATURE;
        assertThat(PngFile.startsWithSignature(signature)).isTrue();
        assertThat(PngFile.startsWithSignature(Arrays.copyOf(signature, 7))).isFalse();
        for (int i = 0; i < signature.length; i++) {
            byte[] other = signature.clone();
            other[i] ^= 0x20;
            assertThat(PngFile.startsWithSignature(other)).as("byte %d", i).isFalse();
        }
        assertThat(PngFile.withoutMetadata(PDF)).isEmpty();
    }

    @Test
    void shouldRefuseADamagedJpeg() {
        byte[] scan = TestImages.photo(60, 80, java.awt.Color.WHITE, 1, 300, 300);

        CheckedUpload checked = MaterialRules.check(Arrays.copyOf(scan, scan.length - 2));

        assertThat(checked.refusals()).extracting(UploadRefusal::reason).containsExactly(Reason.FORMAT);
        assertThat(both(checked.refusals().get(0).message())).contains("JPEG");
    }

    @Test
    void shouldRefuseEveryOtherTypeWhateverItIsCalled() {
        for (byte[] other : new byte[][] {ascii("PK\3\4word/document.xml"), ascii("GIF89a"), ascii("%PDF"),
                ascii("%PDX-1.7"), ascii("<html>"), new byte[0]}) {
            CheckedUpload checked = MaterialRules.check(other);
            assertThat(checked.refusals()).extracting(UploadRefusal::reason).containsExactly(Reason.FORMAT);
            assertThat(both(checked.refusals().get(0).message())).contains("JPEG、PNG 或 PDF");
            assertThat(checked.accepted()).isFalse();
        }
    }

    private static void assertDamagedPng(byte[] png, String why) {
        CheckedUpload checked = MaterialRules.check(png);
        assertThat(checked.refusals()).as(why).extracting(UploadRefusal::reason).containsExactly(Reason.FORMAT);
        assertThat(both(checked.refusals().get(0).message())).as(why).contains("PNG");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
