package deepgrid.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.math.FlatMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizeTest {
    // columns: a varying feature, a constant one
    private final Dataset train = new Dataset(
            new FlatMatrix(4, 2, new double[] {1, 5, 2, 5, 3, 5, 4, 5}), new FlatMatrix(4, 1), List.of());

    @Test
    void minMaxMapsTrainingRangeToUnitIntervalAndConstantsToZero() {
        Dataset scaled = Normalize.MINMAX.fit(train.x()).apply(train);
        assertArrayEquals(new double[] {0, 0, 1 / 3.0, 0, 2 / 3.0, 0, 1, 0}, scaled.x().data(), 1e-12);
    }

    @Test
    void standardizeUsesPopulationStd() {
        Dataset scaled = Normalize.STANDARDIZE.fit(train.x()).apply(train);
        // mean 2.5, population std sqrt(1.25)
        double s = Math.sqrt(1.25);
        assertArrayEquals(new double[] {-1.5 / s, 0, -0.5 / s, 0, 0.5 / s, 0, 1.5 / s, 0}, scaled.x().data(), 1e-12);
    }

    @Test
    void constantColumnWithRoundingNoiseStillMapsToZero() {
        double c = 0.1;
        Dataset d = new Dataset(new FlatMatrix(3, 1, new double[] {c, c, c}), new FlatMatrix(3, 1), List.of());
        assertArrayEquals(new double[] {0, 0, 0}, Normalize.STANDARDIZE.fit(d.x()).apply(d).x().data());
    }

    @Test
    void noneChangesNothingAndInputIsNeverWritten() {
        double[] before = train.x().data().clone();
        Normalize.MINMAX.fit(train.x()).apply(train);
        assertArrayEquals(before, train.x().data());
        assertArrayEquals(before, Normalize.NONE.fit(train.x()).apply(train).x().data());
    }

    @Test
    void yamlNames() {
        assertEquals(Normalize.STANDARDIZE, Normalize.byYamlName("standardize").orElseThrow());
        assertEquals(false, Normalize.byYamlName("zscore").isPresent());
    }
}
