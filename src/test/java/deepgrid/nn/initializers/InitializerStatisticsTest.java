package deepgrid.nn.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fan-based initializers against their PyTorch formulas: for each (fan_in, fan_out)
 * the sample std of N = 200,000 draws must be within 1% of the formula (the standard
 * error of a sample std is ≈ 1/√(2N) ≈ 0.16% for a normal, less for a uniform, so 1% is
 * more than 6 standard errors), the sample mean within 0.01·std of 0 (≈ 4.5 standard
 * errors), and uniform draws must stay inside the limit yet come within 0.1% of it.
 */
class InitializerStatisticsTest {
    private static final int N = 200_000;
    private static final int[][] FANS = {{784, 256}, {256, 10}, {50, 50}, {3, 1000}};

    /** An initializer, its expected std as a function of (fan_in, fan_out), and whether it is uniform. */
    record Case(Initializer init, Formula std, Shape shape) {
        @Override
        public String toString() {
            return init.name();
        }
    }

    interface Formula {
        double std(int fanIn, int fanOut);
    }

    enum Shape { NORMAL, UNIFORM }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // a uniform on [−a, a] has std a/√3
        cases.add(new Case(new LecunNormal(), (in, out) -> Math.sqrt(1.0 / in), Shape.NORMAL));
        cases.add(new Case(new LecunUniform(), (in, out) -> Math.sqrt(3.0 / in) / Math.sqrt(3), Shape.UNIFORM));
        cases.add(new Case(new XavierNormal(), (in, out) -> Math.sqrt(2.0 / (in + out)), Shape.NORMAL));
        cases.add(new Case(new XavierUniform(), (in, out) -> Math.sqrt(6.0 / (in + out)) / Math.sqrt(3), Shape.UNIFORM));
        cases.add(new Case(new HeNormal(), (in, out) -> Math.sqrt(2.0 / in), Shape.NORMAL));
        cases.add(new Case(new HeUniform(), (in, out) -> Math.sqrt(6.0 / in) / Math.sqrt(3), Shape.UNIFORM));
        return cases;
    }

    static Stream<Arguments> casesAndFans() {
        return cases().stream().flatMap(c -> Stream.of(FANS).map(f -> Arguments.of(c, f[0], f[1])));
    }

    @ParameterizedTest(name = "{0} fan_in={1} fan_out={2}")
    @MethodSource("casesAndFans")
    void sampleStdAndMeanMatchTheFormula(Case c, int fanIn, int fanOut) {
        double[] w = draw(c.init(), fanIn, fanOut, 42);
        double expectedStd = c.std().std(fanIn, fanOut);
        assertEquals(expectedStd, std(w), 0.01 * expectedStd, "sample std");
        assertEquals(0.0, mean(w), 0.01 * expectedStd, "sample mean");
        if (c.shape() == Shape.UNIFORM) {
            double limit = expectedStd * Math.sqrt(3);
            double maxAbs = Arrays.stream(w).map(Math::abs).max().orElseThrow();
            assertTrue(maxAbs <= limit, "max |w| " + maxAbs + " exceeds limit " + limit);
            assertTrue(maxAbs > 0.999 * limit, "max |w| " + maxAbs + " far below limit " + limit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSeedGivesIdenticalValuesAndAnotherSeedDoesNot(Case c) {
        assertArrayEquals(draw(c.init(), 30, 20, 7), draw(c.init(), 30, 20, 7));
        assertTrue(draw(c.init(), 30, 20, 7)[0] != draw(c.init(), 30, 20, 8)[0]);
    }

    static double[] draw(Initializer init, int fanIn, int fanOut, long seed) {
        double[] w = new double[N];
        init.fill(w, fanIn, fanOut, new Rng(seed).split("init"));
        return w;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
