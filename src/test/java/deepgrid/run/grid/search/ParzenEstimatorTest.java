package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchFixture.assertRel;
import static deepgrid.run.grid.search.SearchFixture.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import deepgrid.math.Rng;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Design §4's Parzen estimator: bandwidths, weights and log densities against values written
 * out from the design in scripts/make-search-fixtures.py and evaluated with scipy.stats.truncnorm.
 */
class ParzenEstimatorTest {
    static final Numeric UNIT = numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0", "1", null);

    static Numeric numeric(Numeric.Kind kind, Numeric.Scale scale, String low, String high, String step) {
        return new Numeric(kind, scale, new BigDecimal(low), new BigDecimal(high), step == null ? null : new BigDecimal(step));
    }

    private static double[][] column(double[] values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return rows;
    }

    @Test
    void workedExampleOfTheDesign() {
        // domain [0, 1], below = {0.2, 0.5, 0.9}: σ = [0.3, 0.4, 0.4], prior (μ 0.5, σ 1), weights 0.25 each
        ParzenEstimator l = ParzenEstimator.fit(List.of(UNIT), column(new double[] {0.2, 0.5, 0.9}));
        var k = (Kernels.NumericKernels) l.dimension(0);
        assertArrayEquals(new double[] {0.2, 0.5, 0.9, 0.5}, k.mu(), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.4, 0.4, 1.0}, k.sigma(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, l.weights(), 1e-15);
        checkPoints(l, SearchFixture.root().get("parzen").get("worked"));
    }

    @Test
    void bandwidthsMatchTheFixtureForEveryNumericCase() {
        JsonNode p = SearchFixture.root().get("parzen");
        checkKernels(UNIT, p.get("thirty"));
        checkKernels(numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0", "2", "0.25"), p.get("step"));
        checkKernels(numeric(Numeric.Kind.INT, Numeric.Scale.LOG, "1", "1024", "1"), p.get("log_int"));
        checkKernels(numeric(Numeric.Kind.FLOAT, Numeric.Scale.LOG, "0.00001", "0.1", null), p.get("log_float"));
    }

    @Test
    void logDensitiesOfDiscreteLogAndManyObservationEstimators() {
        JsonNode p = SearchFixture.root().get("parzen");
        checkPoints(fit(numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0", "2", "0.25"), p.get("step")), p.get("step"));
        checkPoints(fit(numeric(Numeric.Kind.INT, Numeric.Scale.LOG, "1", "1024", "1"), p.get("log_int")), p.get("log_int"));
        checkPoints(fit(numeric(Numeric.Kind.FLOAT, Numeric.Scale.LOG, "0.00001", "0.1", null), p.get("log_float")),
                p.get("log_float"));
        checkPoints(fit(UNIT, p.get("thirty")), p.get("thirty"));
        checkPoints(fit(new Categorical(List.of("a", "b", "c")), p.get("categorical")), p.get("categorical"));
    }

    @Test
    void discreteProbabilitiesSumToOne() {
        Numeric step = numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0", "2", "0.25");
        ParzenEstimator e = fit(step, SearchFixture.root().get("parzen").get("step"));
        double total = 0;
        for (int k = 0; k < step.size(); k++) {
            total += Math.exp(e.logPdf(new double[] {step.value(k)}));
        }
        assertEquals(1.0, total, 1e-12);
    }

    @Test
    void categoricalKernelsOfTheDesign() {
        JsonNode c = SearchFixture.root().get("parzen").get("categorical");
        var k = (Kernels.CategoricalKernels) fit(new Categorical(List.of("a", "b", "c")), c).dimension(0);
        for (int i = 0; i < c.get("kernels").size(); i++) {
            assertArrayEquals(doubles(c.get("kernels").get(i)), k.p()[i], 1e-15, "kernel " + i);
        }
    }

    @Test
    void twoDimensionsShareOneKernelWeight() {
        JsonNode t = SearchFixture.root().get("parzen").get("two_dims");
        double[][] rows = new double[t.get("observations").size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = doubles(t.get("observations").get(i));
        }
        ParzenEstimator e = ParzenEstimator.fit(List.of(UNIT, new Categorical(List.of("a", "b", "c"))), rows);
        for (JsonNode pt : t.get("points")) {
            assertRel(pt.get("log_pdf").doubleValue(), e.logPdf(doubles(pt.get("x"))), 1e-12, "log p" + pt.get("x"));
        }
    }

    @Test
    void weightsForFewAndManyObservations() {
        JsonNode w = SearchFixture.root().get("weights");
        for (int m : new int[] {1, 24, 25, 26, 30}) {
            assertArrayEquals(doubles(w.get(Integer.toString(m))), ParzenEstimator.observationWeights(m), 1e-15, "m=" + m);
        }
        // by hand: m = 27 ramps 2 weights from 1/27 to 1, then 25 ones
        double[] w27 = ParzenEstimator.observationWeights(27);
        assertEquals(1.0 / 27, w27[0], 1e-15);
        assertEquals(1.0, w27[1], 1e-15);
        assertEquals(1.0, w27[26], 0);
        assertEquals(0, ParzenEstimator.observationWeights(0).length);
    }

    @Test
    void withoutObservationsOnlyThePriorIsLeft() {
        ParzenEstimator e = ParzenEstimator.fit(List.of(UNIT), new double[0][]);
        assertArrayEquals(new double[] {1.0}, e.weights(), 0);
        // N(0.5, 1) truncated to [0, 1] is nearly flat: its log density at 0.5 is −log(mass·√(2π))
        double mass = TruncNorm.ndtr(0.5) - TruncNorm.ndtr(-0.5);
        assertEquals(-Math.log(mass * Math.sqrt(2 * Math.PI)), e.logPdf(new double[] {0.5}), 1e-12);
    }

    @Test
    void samplesStayInTheDomainAndOnTheStep() {
        Numeric step = numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0", "2", "0.25");
        Numeric logInt = numeric(Numeric.Kind.INT, Numeric.Scale.LOG, "1", "1024", "1");
        ParzenEstimator e = ParzenEstimator.fit(List.of(step, logInt), new double[][] {{0.25, 4}, {2.0, 1024}, {1.0, 1}});
        Rng rng = new Rng(5);
        for (int i = 0; i < 2000; i++) {
            double[] x = e.sample(rng);
            assertTrue(x[0] >= 0 && x[0] <= 2 && x[0] * 4 == Math.rint(x[0] * 4), "on the 0.25 grid: " + x[0]);
            assertTrue(x[1] >= 1 && x[1] <= 1024 && x[1] == Math.rint(x[1]), "an int in range: " + x[1]);
        }
    }

    private static ParzenEstimator fit(Domain d, JsonNode c) {
        return ParzenEstimator.fit(List.of(d), column(doubles(c.get("observations"))));
    }

    private static void checkKernels(Numeric d, JsonNode c) {
        var k = (Kernels.NumericKernels) fit(d, c).dimension(0);
        assertArrayEquals(doubles(c.get("mus")), k.mu(), 1e-13, "means");
        assertArrayEquals(doubles(c.get("sigmas")), k.sigma(), 1e-13, "bandwidths");
    }

    private static void checkPoints(ParzenEstimator e, JsonNode c) {
        for (JsonNode pt : c.get("points")) {
            double x = pt.get("x").doubleValue();
            assertRel(pt.get("log_pdf").doubleValue(), e.logPdf(new double[] {x}), 1e-11, "log p(" + x + ")");
        }
    }
}
