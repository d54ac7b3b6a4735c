package deepgrid.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG encoder, read back by the JDK's independent decoder (javax.imageio). */
class PngTest {

    @Test
    void theJdksDecoderReadsBackEveryPixel() throws Exception {
        Png png = new Png(3, 2);
        int[][] colors = {{0xff0000, 0x00ff00, 0x0000ff}, {0x123456, 0xffffff, 0x000000}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                png.set(x, y, colors[y][x]);
            }
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(colors[y][x], image.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aDataUriHoldsTheSameBytesAndTheSamePixelsGiveTheSameBytes() {
        Png a = new Png(100, 100);
        Png b = new Png(100, 100);
        a.set(5, 7, 0xabcdef);
        b.set(5, 7, 0xabcdef);
        String uri = a.dataUri();
        assertTrue(uri.startsWith("data:image/png;base64,"));
        assertArrayEquals(a.bytes(), Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length())));
        assertArrayEquals(a.bytes(), b.bytes());
        assertTrue(a.bytes().length < 500, "a blank 100×100 map compresses: " + a.bytes().length + " bytes");
    }
}
