package cn.shanghai.residence.gateway.upload;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.w3c.dom.Element;

/**
 * Images the upload tests make for themselves: a compliant permit photo (358 × 441, 350 dpi, white background, a dark
 * head and shoulders), one breaking each rule, and the metadata segments a phone adds (EXIF with a GPS position, a
 * comment).
 */
public final class TestImages {

    /** The GPS position the EXIF block carries: 31°13'49.32" N (Shanghai), as it appears in the bytes. */
    public static final String GPS_TEXT = "GPS-31.2304N-121.4737E";
    /** A comment segment's text, as cameras write their serial numbers. */
    public static final String COMMENT_TEXT = "camera serial SN-4711-0815";

    private TestImages() {
    }

    /** The compliant photo, with a GPS EXIF block and a comment, as a phone would send it. */
    public static byte[] compliantPhotoFromAPhone() {
        return withComment(withExifGps(photo(358, 441, Color.WHITE, 1, 350, 350)));
    }

    /**
     * A portrait of this size on this background, with this JFIF density (units 0, 1 = dpi or 2 = dots/cm). Each is
     * drawn once per JVM (mutation testing runs the tests hundreds of times) and handed out as a copy.
     */
    public static byte[] photo(int width, int height, Color background, int units, int xDensity, int yDensity) {
        return DRAWN.computeIfAbsent(List.of(width, height, background.getRGB(), units, xDensity, yDensity),
                key -> draw(width, height, background, units, xDensity, yDensity)).clone();
    }

    private static final Map<List<Integer>, byte[]> DRAWN = new ConcurrentHashMap<>();

    private static byte[] draw(int width, int height, Color background, int units, int xDensity, int yDensity) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 30, 30));
        g.fillOval(width / 4, height / 8, width / 2, height / 2);
        g.fillRect(width / 10, height * 3 / 4, width - width / 5, height / 4);
        g.dispose();
        return jpeg(image, units, xDensity, yDensity);
    }

    /** {@code image} as a baseline JPEG with a JFIF header of this density. */
    public static byte[] jpeg(BufferedImage image, int units, int xDensity, int yDensity) {
        return jpeg(image, units, xDensity, yDensity, false);
    }

    /** The same image, re-encoded as a progressive JPEG at 350 dpi. */
    public static byte[] progressive(byte[] jpeg) {
        return jpeg(decode(jpeg), 1, 350, 350, true);
    }

    /** A JFIF APP0 segment declaring 350 × 350 dpi, without a thumbnail. */
    public static byte[] photoJfif() {
        return segment(0xE0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 2, 1, 0x01, 0x5E, 0x01, 0x5E, 0, 0});
    }

    private static byte[] jpeg(BufferedImage image, int units, int xDensity, int yDensity, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String format = "javax_imageio_jpeg_image_1.0";
            Element tree = (Element) metadata.getAsTree(format);
            Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", String.valueOf(units));
            jfif.setAttribute("Xdensity", String.valueOf(xDensity));
            jfif.setAttribute("Ydensity", String.valueOf(yDensity));
            metadata.setFromTree(format, tree);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A PNG of the given size, white. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an APP1 EXIF segment (a TIFF IFD pointing to a GPS IFD) right after its JFIF header. */
    public static byte[] withExifGps(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(160);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(13).putInt(1).putInt(4932).putInt(100);
        tiff.put(GPS_TEXT.getBytes(StandardCharsets.US_ASCII));
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(tiff.array(),
                tiff.position()));
        return insertAfterJfif(jpeg, segment(0xE1, exif));
    }

    /** The JPEG with a COM segment right after its JFIF header. */
    public static byte[] withComment(byte[] jpeg) {
        return insertAfterJfif(jpeg, segment(0xFE, COMMENT_TEXT.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A marker segment: FF, the marker, the length (data + 2), the data. */
    public static byte[] segment(int marker, byte[] data) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((data.length + 2) >> 8),
                (byte) (data.length + 2)}, data);
    }

    /** A PNG chunk: length, type, data, CRC. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The PNG with a chunk inserted right after IHDR. */
    public static byte[] withChunkAfterHeader(byte[] png, byte[] chunk) {
        int afterHeader = 8 + 12 + ByteBuffer.wrap(png, 8, 4).getInt();
        return concat(Arrays.copyOf(png, afterHeader), chunk,
                Arrays.copyOfRange(png, afterHeader, png.length));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** The decoded image, or null. */
    public static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] insertAfterJfif(byte[] jpeg, byte[] segment) {
        if ((jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0) {
            throw new IllegalArgumentException("no JFIF header first");
        }
        int afterJfif = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(Arrays.copyOf(jpeg, afterJfif), segment,
                Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
    }
}
