package deepgrid.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generators against their published definitions, with noise 0 so every point
 * is known exactly (the CS231n spiral, scikit-learn's make_moons/make_circles), and
 * the exact logic tables.
 */
class SyntheticGeometryTest {

    /** All rows of both splits, with a test fraction of 0 there is only train. */
    private static Dataset all(Splits s) {
        assertEquals(0, s.test().size());
        return s.train();
    }

    @Test
    void spiralPointsLieOnTheCs231nSpiral() {
        Dataset d = all(new Spiral(3, 5, 0, 0).load(new Rng(1)));
        // CS231n: r = linspace(0, 1, N), t = linspace(4k, 4(k+1), N); class 1, i = 2: r = 0.5, t = 6
        boolean found = false;
        for (int i = 0; i < d.size(); i++) {
            double x0 = d.x().getEntry(i, 0);
            double x1 = d.x().getEntry(i, 1);
            if (d.labels()[i] == 1 && Math.abs(x0 - 0.5 * Math.sin(6)) < 1e-12 && Math.abs(x1 - 0.5 * Math.cos(6)) < 1e-12) {
                found = true;
            }
        }
        assertTrue(found);
    }

    @Test
    void moonsWithoutNoiseLieOnTheTwoHalfCircles() {
        Dataset d = all(new Moons(10, 0, 0).load(new Rng(1)));
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().getEntry(i, 0);
            double y = d.x().getEntry(i, 1);
            // class 0 on the unit circle's upper half; class 1 on the circle of radius 1 around (1, 0.5), lower half
            double r = d.labels()[i] == 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
            assertEquals(1, r, 1e-12);
            assertTrue(d.labels()[i] == 0 ? y >= -1e-12 : y <= 0.5 + 1e-12);
        }
    }

    @Test
    void circlesWithoutNoiseHaveRadiusOneAndFactor() {
        Dataset d = all(new Circles(8, 0, 0.3, 0).load(new Rng(1)));
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x().getEntry(i, 0), d.x().getEntry(i, 1));
            assertEquals(d.labels()[i] == 0 ? 1 : 0.3, r, 1e-12);
        }
    }

    @Test
    void blobsWithoutSpreadSitOnCentersInsideTheBox() {
        Dataset d = all(new Blobs(2, 6, 3, 0, 0).load(new Rng(1)));
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < 3; j++) {
                double v = d.x().getEntry(i, j);
                assertTrue(v >= -10 && v < 10);
                int same = (i + 1) % d.size();
                if (d.labels()[same] == d.labels()[i]) {
                    assertEquals(v, d.x().getEntry(same, j));
                }
            }
        }
    }

    @Test
    void sineWithoutNoiseIsExact() {
        Dataset d = all(new Sine(50, 0, 0).load(new Rng(1)));
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().getEntry(i, 0);
            assertTrue(x >= -Math.PI && x <= Math.PI);
            assertEquals(Math.sin(x), d.y().getEntry(i, 0), 0);
        }
    }

    @Test
    void logicTablesAreExactAndNotSplit() {
        int[][] expected = {{0, 0, 0, 1}, {0, 1, 1, 1}, {1, 1, 1, 0}, {0, 1, 1, 0}};
        LogicTable.Gate[] gates = {LogicTable.Gate.AND, LogicTable.Gate.OR, LogicTable.Gate.NAND, LogicTable.Gate.XOR};
        for (int g = 0; g < gates.length; g++) {
            Splits s = new LogicTable(gates[g]).load(new Rng(1));
            assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, s.train().x().data());
            assertArrayEquals(expected[g], s.train().labels(), gates[g].yamlName());
            assertEquals(List.of("0", "1"), s.train().classes());
            assertEquals(s.train(), s.test());
            assertEquals(0, s.validation().size());
        }
        assertEquals(LogicTable.Gate.NAND, LogicTable.Gate.byYamlName("nand").orElseThrow());
    }

    @Test
    void testFractionMovesRowsWithoutChangingThePoints() {
        Dataset none = all(new Spiral(3, 10, 0.2, 0).load(new Rng(3)));
        Splits some = new Spiral(3, 10, 0.2, 0.5).load(new Rng(3));
        double sum = java.util.Arrays.stream(none.x().data()).sum();
        double split = java.util.Arrays.stream(some.train().x().data()).sum()
                + java.util.Arrays.stream(some.test().x().data()).sum();
        assertEquals(sum, split, 1e-9);
    }

    @Test
    void optionsAreCheckedWithTheirYamlNames() {
        assertEquals("classes: found 1, expected an integer ≥ 2",
                assertThrows(IllegalArgumentException.class, () -> new Spiral(1, 100, 0.2, 0.2)).getMessage());
        assertEquals("noise: found -0.1, expected a finite number ≥ 0",
                assertThrows(IllegalArgumentException.class, () -> new Moons(200, -0.1, 0.2)).getMessage());
        assertEquals("factor: found 1, expected a finite number ≥ 0 and < 1",
                assertThrows(IllegalArgumentException.class, () -> new Circles(200, 0.1, 1.0, 0.2)).getMessage());
        assertEquals("samples: found 2, expected at least one per class (classes: 3)",
                assertThrows(IllegalArgumentException.class, () -> new Blobs(3, 2, 2, 1, 0.2)).getMessage());
        assertEquals("test: found 1, expected a finite number ≥ 0 and < 1",
                assertThrows(IllegalArgumentException.class, () -> new Sine(200, 0.1, 1.0)).getMessage());
    }
}
