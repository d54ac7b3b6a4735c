package deepgrid.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every generated source promises: shape, balance, test fraction, determinism by seed. */
class SyntheticSourcesTest {

    /** source, total rows, features, rows per class (null for regression). */
    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(Spiral.defaults(), 300, 2, new int[] {100, 100, 100}),
                Arguments.of(new Spiral(4, 25, 0.1, 0.2), 100, 2, new int[] {25, 25, 25, 25}),
                Arguments.of(Moons.defaults(), 200, 2, new int[] {100, 100}),
                Arguments.of(new Moons(7, 0.1, 0.2), 7, 2, new int[] {3, 4}),
                Arguments.of(Circles.defaults(), 200, 2, new int[] {100, 100}),
                Arguments.of(Blobs.defaults(), 300, 2, new int[] {100, 100, 100}),
                Arguments.of(new Blobs(3, 301, 5, 2.0, 0.2), 301, 5, new int[] {101, 100, 100}),
                Arguments.of(Sine.defaults(), 200, 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void shapeBalanceAndTestFraction(DataSource source, int rows, int features, int[] perClass) {
        Splits s = source.load(new Rng(1));
        int expectedTest = (int) Math.round(0.2 * rows);
        assertEquals(expectedTest, s.test().size());
        assertEquals(rows - expectedTest, s.train().size());
        assertEquals(0, s.validation().size());
        assertEquals(features, s.train().features());
        assertEquals(1, s.train().targets());
        if (perClass != null) {
            int[] counts = s.train().classCounts();
            int[] testCounts = s.test().classCounts();
            for (int k = 0; k < counts.length; k++) {
                counts[k] += testCounts[k];
            }
            assertArrayEquals(perClass, counts);
        } else {
            assertEquals(0, s.train().numClasses());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void sameSeedSameDataOtherSeedOtherData(DataSource source) {
        Splits a = source.load(new Rng(5));
        Splits b = source.load(new Rng(5));
        Splits c = source.load(new Rng(6));
        assertEquals(a.train(), b.train());
        assertEquals(a.test(), b.test());
        assertNotEquals(a.train(), c.train());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyValueIsFinite(DataSource source) {
        Dataset train = source.load(new Rng(2)).train();
        assertTrue(java.util.Arrays.stream(train.x().data()).allMatch(Double::isFinite));
        assertTrue(java.util.Arrays.stream(train.y().data()).allMatch(Double::isFinite));
    }
}
