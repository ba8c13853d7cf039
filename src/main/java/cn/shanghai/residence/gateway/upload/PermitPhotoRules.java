package cn.shanghai.residence.gateway.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

/**
 * The permit photo rules of the seed (358 × 441 px, 350 dpi, white background) checked on the uploaded bytes before
 * any agency sees them. Size and density come from the headers; the image is decoded only when its frame header says
 * it is exactly 358 × 441, so no header can make the gateway decompress a huge image. What bdc receives is the
 * decoded-and-checked file without its metadata.
 *
 * <p>"White" is measured on a border band: the top {@value #BAND_PX} rows, and the left and right {@value #BAND_PX}
 * columns of the upper half (the shoulders and the dark top the rules ask for reach the lower edges). A pixel is
 * white when its luminance (0.299 R + 0.587 G + 0.114 B) is at least {@value #WHITE_PIXEL_LUMINANCE} and its
 * channels differ by at most {@value #WHITE_PIXEL_MAX_SPREAD} (no tint); the background is white when the band's
 * mean luminance is at least {@value #WHITE_MEAN_LUMINANCE} and at least {@value #WHITE_SHARE_PERCENT} % of its
 * pixels are white, which leaves room for JPEG noise and a strand of hair, not for a grey, blue or red backdrop.
 */
final class PermitPhotoRules {

    static final int BAND_PX = 16;
    static final int WHITE_PIXEL_LUMINANCE = 220;
    static final int WHITE_PIXEL_MAX_SPREAD = 24;
    static final int WHITE_MEAN_LUMINANCE = 235;
    static final int WHITE_SHARE_PERCENT = 97;
    /** A density within this many dpi of 350 counts: 138 dots/cm is 350.5 dpi, and no whole dots/cm is 350. */
    static final double DPI_TOLERANCE = 1.0;
    /** Baseline JPEGs have one scan, progressive ones about ten; thousands of tiny scans make decoding crawl. */
    static final int MAX_SCANS = 32;

    private PermitPhotoRules() {
    }

    /** The bytes to forward without metadata, or every rule the photo breaks. */
    static CheckedUpload check(byte[] bytes) {
        if (!JpegFile.startsWithSoi(bytes)) {
            return CheckedUpload.refused(Reason.FORMAT, Text.of("upload.FORMAT.photo"));
        }
        Optional<JpegFile> parsed = JpegFile.parse(bytes).filter(PermitPhotoRules::decodable);
        if (parsed.isEmpty()) {
            return damaged();
        }
        JpegFile jpeg = parsed.get();
        List<UploadRefusal> refusals = new ArrayList<>();
        JpegFile.Frame frame = jpeg.frame();
        boolean rightSize = frame.width() == Photo.WIDTH_PX && frame.height() == Photo.HEIGHT_PX;
        if (!rightSize) {
            refusals.add(new UploadRefusal(Reason.DIMENSIONS,
                    Text.of("upload.DIMENSIONS", frame.width() + "×" + frame.height())));
        }
        JpegFile.Density density = jpeg.density();
        if (!is350Dpi(density)) {
            refusals.add(new UploadRefusal(Reason.RESOLUTION, said(density)));
        }
        byte[] stripped = jpeg.withoutMetadata();
        if (rightSize) {
            int[] rgb = decode(stripped, Photo.WIDTH_PX, Photo.HEIGHT_PX);
            if (rgb == null) {
                return damaged();
            }
            if (!whiteBackground(rgb, Photo.WIDTH_PX, Photo.HEIGHT_PX)) {
                refusals.add(new UploadRefusal(Reason.BACKGROUND, Text.of("upload.BACKGROUND")));
            }
        }
        return refusals.isEmpty() ? CheckedUpload.accepted("image/jpeg", stripped) : CheckedUpload.refused(refusals);
    }

    /** 8-bit colour (three components), Huffman-coded baseline, extended or progressive: what every camera writes. */
    static boolean decodable(JpegFile jpeg) {
        JpegFile.Frame frame = jpeg.frame();
        return frame.marker() >= 0xC0 && frame.marker() <= 0xC2 && frame.precision() == 8
                && frame.components() == 3 && jpeg.scans() <= MAX_SCANS;
    }

    /** 350 dpi both ways, in dots per inch or converted from dots per cm; unknown units never pass. */
    static boolean is350Dpi(JpegFile.@Nullable Density density) {
        return density != null && Math.abs(density.xDpi() - Photo.DPI) < DPI_TOLERANCE
                && Math.abs(density.yDpi() - Photo.DPI) < DPI_TOLERANCE;
    }

    /** Whether the border band is white, as the class comment defines it. */
    static boolean whiteBackground(int[] rgb, int width, int height) {
        long luminance = 0;
        long white = 0;
        long sampled = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inBand(x, y, width, height)) {
                    int pixel = rgb[y * width + x];
                    luminance += luminance(pixel);
                    white += isWhite(pixel) ? 1 : 0;
                    sampled++;
                }
            }
        }
        return sampled > 0 && luminance >= WHITE_MEAN_LUMINANCE * sampled
                && white * 100 >= WHITE_SHARE_PERCENT * sampled;
    }

    /** The top band, and the side bands of the upper half. */
    static boolean inBand(int x, int y, int width, int height) {
        return y < BAND_PX || (y < height / 2 && (x < BAND_PX || x >= width - BAND_PX));
    }

    static boolean isWhite(int pixel) {
        int r = (pixel >> 16) & 0xFF;
        int g = (pixel >> 8) & 0xFF;
        int b = pixel & 0xFF;
        return luminance(pixel) >= WHITE_PIXEL_LUMINANCE
                && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= WHITE_PIXEL_MAX_SPREAD;
    }

    /** Rec. 601 luma of an sRGB pixel, 0-255. */
    static int luminance(int pixel) {
        return (299 * ((pixel >> 16) & 0xFF) + 587 * ((pixel >> 8) & 0xFF) + 114 * (pixel & 0xFF)) / 1000;
    }

    /**
     * The pixels of a JPEG whose frame is known to be {@code width} × {@code height}, read in memory (no ImageIO
     * file cache); null when it cannot be decoded.
     */
    static int @Nullable [] decode(byte[] jpeg, int width, int height) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            return image.getRGB(0, 0, width, height, null, 0, width);
        } catch (IOException | RuntimeException undecodable) {
            return null;
        } finally {
            reader.dispose();
        }
    }

    private static CheckedUpload damaged() {
        return CheckedUpload.refused(Reason.FORMAT, Text.of("upload.FORMAT.photoDamaged"));
    }

    /** What the JFIF header declares, if anything. */
    private static Text said(JpegFile.@Nullable Density density) {
        if (density == null || Double.isNaN(density.xDpi())) {
            return Text.of("upload.RESOLUTION.none");
        }
        return Text.of("upload.RESOLUTION", Math.round(density.xDpi()) + "×" + Math.round(density.yDpi()) + " dpi");
    }
}
