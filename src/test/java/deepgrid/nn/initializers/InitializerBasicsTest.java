package deepgrid.nn.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed-scale initializers, the YAML names and the validation messages. */
class InitializerBasicsTest {
    @Test
    void zerosAndConstantFillEveryEntry() {
        double[] w = {1, 2, 3};
        new Zeros().fill(w, 3, 1, new Rng(0));
        assertTrue(Arrays.stream(w).allMatch(v -> v == 0.0));
        new Constant(0.1).fill(w, 3, 1, new Rng(0));
        assertTrue(Arrays.stream(w).allMatch(v -> v == 0.1));
    }

    @Test
    void normalHasTheGivenMeanAndStdWhateverTheFans() {
        double[] w = new double[200_000];
        new Normal(0.5, 0.02).fill(w, 1000, 1000, new Rng(3));
        // standard errors: 0.02/√N ≈ 4.5e-5 for the mean, 0.16% for the std
        assertEquals(0.5, InitializerStatisticsTest.mean(w), 3e-4);
        assertEquals(0.02, InitializerStatisticsTest.std(w), 0.01 * 0.02);
    }

    @Test
    void uniformStaysInItsBoundsAndSymmetricMeansMinusLimitToLimit() {
        double[] w = new double[100_000];
        new Uniform(-0.2, 0.6).fill(w, 5, 5, new Rng(3));
        assertTrue(Arrays.stream(w).allMatch(v -> v >= -0.2 && v < 0.6));
        assertEquals(0.2, InitializerStatisticsTest.mean(w), 0.005);
        assertEquals(new Uniform(-0.05, 0.05), Uniform.symmetric(0.05));
    }

    @Test
    void yamlNames() {
        List<Initializer> all = List.of(new Zeros(), new Constant(1), new Normal(0, 1), new Uniform(-1, 1),
                new LecunNormal(), new LecunUniform(), new XavierNormal(), new XavierUniform(),
                new HeNormal(), new HeUniform());
        assertEquals(List.of("zeros", "constant", "normal", "uniform", "lecun_normal", "lecun_uniform",
                "xavier_normal", "xavier_uniform", "he_normal", "he_uniform"),
                all.stream().map(Initializer::name).toList());
    }

    @Test
    void invalidValuesAreNamedInTheMessage() {
        assertEquals("std: found 0, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> new Normal(0, 0)).getMessage());
        assertEquals("high: found 1, expected a number > low (1)",
                assertThrows(IllegalArgumentException.class, () -> new Uniform(1, 1)).getMessage());
        assertEquals("limit: found -0.1, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> Uniform.symmetric(-0.1)).getMessage());
        assertEquals("value: found NaN, expected a finite number",
                assertThrows(IllegalArgumentException.class, () -> new Constant(Double.NaN)).getMessage());
        assertEquals("fanIn: found 0, expected an integer ≥ 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new HeNormal().fill(new double[1], 0, 1, new Rng(0))).getMessage());
    }
}
