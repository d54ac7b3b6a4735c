package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The column operations batch norm is written with, on a 3 × 2 matrix worked by hand. */
class OpsTest {
    // column 0: 1, 2, 6 (mean 3, biased variance (4 + 1 + 9)/3 = 14/3); column 1: 4, 4, 4 (mean 4, variance 0)
    private static final double[][] M = {{1, 4}, {2, 4}, {6, 4}};

    @Test
    void columnMeansAndBiasedVariances() {
        FlatMatrix m = FlatMatrix.of(M);
        double[] mean = Ops.columnMeans(m);
        assertArrayEquals(new double[] {3, 4}, mean, 0.0);
        assertArrayEquals(new double[] {14.0 / 3, 0}, Ops.columnVariances(m, mean), 1e-15);
    }

    @Test
    void columnSumsOfProducts() {
        FlatMatrix a = FlatMatrix.of(M);
        FlatMatrix b = FlatMatrix.of(new double[][] {{1, 0}, {-1, 1}, {0.5, 2}});
        // column 0: 1 − 2 + 3 = 2; column 1: 0 + 4 + 8 = 12
        assertArrayEquals(new double[] {2, 12}, Ops.columnSumsOfProductsInto(a, b, new double[2]), 0.0);
    }

    @Test
    void shiftThenScaleAndScaleThenShift() {
        FlatMatrix m = FlatMatrix.of(M);
        FlatMatrix out = new FlatMatrix(3, 2);
        assertSame(out, Ops.shiftThenScaleColumnsInto(m, new double[] {3, 4}, new double[] {0.5, 2}, out));
        assertArrayEquals(new double[] {-1, 0, -0.5, 0, 1.5, 0}, out.data(), 0.0);
        Ops.scaleThenShiftColumnsInto(m, new double[] {2, -1}, new double[] {1, 10}, out);
        assertArrayEquals(new double[] {3, 6, 5, 6, 13, 6}, out.data(), 0.0);
    }

    @Test
    void subtractColumnLinesThenScaleColumns() {
        FlatMatrix g = FlatMatrix.of(M);
        FlatMatrix x = FlatMatrix.of(new double[][] {{1, 0}, {-1, 1}, {0, 2}});
        FlatMatrix out = new FlatMatrix(3, 2);
        // out = g − 0.5·(intercept + x·slope), intercept (2, 4), slope (2, 1)
        Ops.subtractColumnLinesInto(g, 0.5, new double[] {2, 4}, x, new double[] {2, 1}, out);
        assertArrayEquals(new double[] {-1, 2, 2, 1.5, 5, 1}, out.data(), 0.0);
        Ops.scaleColumns(new double[] {3, -1}, out);
        assertArrayEquals(new double[] {-3, -2, 6, -1.5, 15, -1}, out.data(), 0.0);
    }

    @Test
    void aPerColumnVectorOfTheWrongWidthIsRefused() {
        FlatMatrix m = FlatMatrix.of(M);
        assertThrows(IllegalArgumentException.class, () -> Ops.columnVariances(m, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Ops.scaleColumns(new double[1], m));
        assertThrows(IllegalArgumentException.class,
                () -> Ops.columnSumsOfProductsInto(m, new FlatMatrix(2, 2), new double[2]));
    }
}
