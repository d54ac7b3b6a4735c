package deepgrid.report.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A small RGB image encoded as PNG (ISO/IEC 15948: IHDR, one zlib IDAT, IEND; 8 bits per
 * channel, no filtering), for pictures a page embeds as {@code data:} URIs. The same
 * pixels always give the same bytes.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final int width;
    private final int height;
    private final byte[] rgb; // (height × width × 3)

    public Png(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image is " + width + "×" + height + ", expected at least 1×1");
        }
        this.width = width;
        this.height = height;
        this.rgb = new byte[width * height * 3];
    }

    /** Sets pixel (x, y), y = 0 at the top, to the colour 0xRRGGBB. */
    public void set(int x, int y, int color) {
        int at = 3 * (y * width + x);
        rgb[at] = (byte) (color >> 16);
        rgb[at + 1] = (byte) (color >> 8);
        rgb[at + 2] = (byte) color;
    }

    /** The PNG file as a data URI. */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes());
    }

    /** The PNG file. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", compressed());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private byte[] compressed() {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(z)) {
            for (int y = 0; y < height; y++) {
                deflate.write(0); // filter type 0 (none) for every row
                deflate.write(rgb, y * width * 3, width * 3);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return z.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
