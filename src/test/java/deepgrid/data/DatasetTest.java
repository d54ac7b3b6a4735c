package deepgrid.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.DeepgridException;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    static Dataset counting(int n) {
        double[] x = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 2;
        }
        return new Dataset(new FlatMatrix(n, 2, x), new FlatMatrix(n, 1, y), List.of("even", "odd"));
    }

    @Test
    void rowsSelectsInOrder() {
        Dataset d = counting(5).rows(new int[] {4, 1, 3}, 1, 3);
        assertEquals(2, d.size());
        assertArrayEquals(new double[] {1, -1, 3, -3}, d.x().data());
        assertArrayEquals(new int[] {1, 1}, d.labels());
        assertEquals(List.of("even", "odd"), d.classes());
    }

    @Test
    void classificationTargetsMustBeClassIndices() {
        FlatMatrix x = new FlatMatrix(2, 1);
        FlatMatrix y = new FlatMatrix(2, 1, new double[] {0, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, y, List.of("a", "b")));
        assertEquals("y[1] is 2.0, expected a class index in 0..1", e.getMessage());
    }

    @Test
    void regressionHasNoClasses() {
        Dataset d = new Dataset(new FlatMatrix(3, 1), new FlatMatrix(3, 2), List.of());
        assertEquals(0, d.numClasses());
        assertEquals(2, d.targets());
        assertEquals(false, d.isClassification());
    }

    @Test
    void holdOutTestRoundsHalfUpAndKeepsEveryRowOnce() {
        Splits s = Splits.holdOutTest("t", counting(10), 0.25, new Rng(1));
        assertEquals(7, s.train().size());
        assertEquals(3, s.test().size()); // 2.5 rounds up
        assertEquals(0, s.validation().size());
        double sum = 0;
        for (double v : s.train().x().data()) {
            sum += Math.abs(v);
        }
        for (double v : s.test().x().data()) {
            sum += Math.abs(v);
        }
        assertEquals(2 * 45, sum);
    }

    @Test
    void holdingOutEverythingIsAnError() {
        DeepgridException e = assertThrows(DeepgridException.class,
                () -> Splits.holdOutTest("moons", counting(2), 0.8, new Rng(1)));
        assertEquals("moons: test 0.8 of 2 rows leaves no training rows; use a smaller fraction", e.getMessage());
    }

    @Test
    void splitsMustAgreeOnFeatures() {
        Dataset train = counting(3);
        Dataset other = Dataset.empty(3, 1, List.of("even", "odd"));
        assertThrows(IllegalArgumentException.class, () -> new Splits(train, other, train));
    }
}
