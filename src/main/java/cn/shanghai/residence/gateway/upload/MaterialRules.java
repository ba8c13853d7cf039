package cn.shanghai.residence.gateway.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

/**
 * What a material (材料: a relative's title or filed contract, a dormitory certificate) must be: a JPEG, PNG or PDF
 * by its first bytes, never by its name or the Content-Type the client sent. Images lose their metadata on the way
 * (the photo's JPEG stripper; PNG text and EXIF chunks); a PDF is forwarded as it is.
 */
final class MaterialRules {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private MaterialRules() {
    }

    static CheckedUpload check(byte[] bytes) {
        if (JpegFile.startsWithSoi(bytes)) {
            return JpegFile.parse(bytes)
                    .map(jpeg -> CheckedUpload.accepted("image/jpeg", jpeg.withoutMetadata()))
                    .orElseGet(() -> damaged("JPEG"));
        }
        if (PngFile.startsWithSignature(bytes)) {
            return PngFile.withoutMetadata(bytes)
                    .map(png -> CheckedUpload.accepted("image/png", png))
                    .orElseGet(() -> damaged("PNG"));
        }
        if (bytes.length >= PDF.length && Arrays.equals(bytes, 0, PDF.length, PDF, 0, PDF.length)) {
            return CheckedUpload.accepted("application/pdf", bytes);
        }
        return CheckedUpload.refused(Reason.FORMAT, Text.of("upload.FORMAT.material"));
    }

    private static CheckedUpload damaged(String type) {
        return CheckedUpload.refused(Reason.FORMAT, Text.of("upload.FORMAT.damaged", type));
    }
}
