package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void oneColumnThresholdsAtOneHalf() {
        FlatMatrix y = new FlatMatrix(4, 1, new double[] {0.5, 0.49, 0.9, 0.1});
        FlatMatrix t = new FlatMatrix(4, 1, new double[] {1, 0, 0, 0});
        // right, right, wrong, right
        assertEquals(0.75, Metrics.accuracy(y, t));
    }

    @Test
    void severalColumnsCompareArgmax() {
        FlatMatrix y = FlatMatrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.5, 0.3, 0.2}, {0.2, 0.2, 0.6}});
        FlatMatrix t = FlatMatrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        assertEquals(2.0 / 3, Metrics.accuracy(y, t));
    }

    @Test
    void noRowsIsNaN() {
        assertTrue(Double.isNaN(Metrics.accuracy(new FlatMatrix(0, 3), new FlatMatrix(0, 3))));
    }
}
