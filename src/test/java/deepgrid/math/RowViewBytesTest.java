package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A view over unsigned bytes reads, gathers and maps exactly the doubles that a decoded copy
 * ({@code pixel / 255.0}, as the IDX reader used to hold them) gives: bit for bit.
 */
class RowViewBytesTest {
    private static final int ROWS = 50;
    private static final int COLS = 7;

    private final byte[] pixels = new byte[ROWS * COLS];
    private final FlatMatrix decoded = new FlatMatrix(ROWS, COLS);

    RowViewBytesTest() {
        new SplittableRandom(7).ints(pixels.length, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int v) {
                pixels[i] = (byte) v;
                decoded.data()[i] = v / 255.0;
                i++;
            }
        });
    }

    @Test
    void valuesSelectionsAndMapsEqualTheDecodedCopy() {
        RowView bytes = RowView.ofUnsignedBytes(pixels, COLS, 255.0);
        RowView copy = RowView.of(decoded);
        assertEquals(ROWS, bytes.rows());
        assertEquals(COLS, bytes.cols());
        assertArrayEquals(decoded.data(), bytes.matrix().data(), 0.0, "the whole view");

        int[] order = new SplittableRandom(3).ints(30, 0, ROWS).toArray();
        double[] shift = new SplittableRandom(4).doubles(COLS).toArray();
        double[] scale = new SplittableRandom(5).doubles(COLS, 0.5, 4).toArray();
        RowView b = bytes.select(order, 0, order.length).mapped(shift, scale);
        RowView c = copy.select(order, 0, order.length).mapped(shift, scale);
        int[] batch = {29, 0, 4, 4, 17};
        assertArrayEquals(c.gatherInto(batch, 1, 5, new FlatMatrix(4, COLS)).data(),
                b.gatherInto(batch, 1, 5, new FlatMatrix(4, COLS)).data(), 0.0, "a mapped batch");
        for (int r = 0; r < order.length; r++) {
            for (int j = 0; j < COLS; j++) {
                assertEquals(Double.doubleToLongBits(c.get(r, j)), Double.doubleToLongBits(b.get(r, j)), r + "," + j);
            }
        }
    }

    @Test
    void aByteViewIsNeverItsOwnMatrixAndRowsMustBeWhole() {
        RowView bytes = RowView.ofUnsignedBytes(pixels, COLS, 255.0);
        assertEquals(false, bytes.isWhole(), "matrix() decodes a copy");
        assertThrows(IllegalArgumentException.class, () -> RowView.ofUnsignedBytes(new byte[10], 3, 255.0));
    }
}
