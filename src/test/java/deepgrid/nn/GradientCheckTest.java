package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.activations.Elu;
import deepgrid.nn.activations.Gelu;
import deepgrid.nn.activations.Identity;
import deepgrid.nn.activations.LeakyRelu;
import deepgrid.nn.activations.Relu;
import deepgrid.nn.activations.Sigmoid;
import deepgrid.nn.activations.Silu;
import deepgrid.nn.activations.Softplus;
import deepgrid.nn.activations.Step;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.HeNormal;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CategoricalHinge;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Huber;
import deepgrid.nn.losses.LogCosh;
import deepgrid.nn.losses.Mae;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.Poisson;
import deepgrid.nn.losses.SquaredHinge;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central differences for every layer, activation and loss:
 * every entry of every parameter and of the input must pass {@link GradientCheck}'s rule
 * (|a − n| ≤ 1e-9 or relative error below 1e-6), which holds whichever way the last bits
 * of a product round (CPU, BLAS kernel). Inputs stay at least 1e-3 away from the kinks of
 * piecewise functions, far beyond the step h = 1e-5. Run under both kernels by {@code mvn test}.
 */
class GradientCheckTest {
    private static final double TOLERANCE = 1e-6;

    /** A network and one batch with its targets. */
    record Case(Network net, FlatMatrix x, FlatMatrix targets) {
    }

    static Stream<Named<Case>> cases() {
        return Stream.of(
                activation(new Identity()), activation(new Step()), activation(new Sigmoid()),
                activation(new Tanh()), activation(new Relu()), activation(new LeakyRelu(0.1)),
                activation(new Elu(1.0)), activation(new Softplus()), activation(new Gelu()),
                activation(new Silu()),
                Named.of("dense", Nets.dense(new CrossEntropy())),
                Named.of("batchnorm", Nets.batchNormAlone()),
                Named.of("batchnorm after dense", Nets.batchNormAfterDense()),
                Named.of("maxout", Nets.maxout()),
                Named.of("dropout with fixed mask", Nets.dropout()),
                Named.of("mse", Nets.dense(new Mse())),
                Named.of("cross_entropy", Nets.dense(new CrossEntropy())),
                Named.of("binary_cross_entropy", Nets.dense(new BinaryCrossEntropy())),
                Named.of("hinge", Nets.margin(new Hinge(1))),
                Named.of("squared_hinge", Nets.margin(new SquaredHinge(1))),
                Named.of("mae", Nets.awayFromKinks(new Mae(), 21)),
                Named.of("mae after dense", Nets.dense(new Mae())),
                Named.of("huber", Nets.dense(new Huber(1.0))),
                Named.of("huber, both sides of delta", Nets.awayFromKinks(new Huber(0.5), 22)),
                Named.of("log_cosh", Nets.dense(new LogCosh())),
                Named.of("categorical_hinge", Nets.awayFromKinks(new CategoricalHinge(), 23)),
                Named.of("categorical_hinge after dense", Nets.dense(new CategoricalHinge())),
                Named.of("poisson", Nets.dense(new Poisson())),
                Named.of("deep mixed net", Nets.deepMixed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backpropMatchesFiniteDifferences(Case c) {
        assertEquals(List.of(), GradientCheck.rowsNearKinks(c.net(), c.x(), c.targets()),
                "rows within " + GradientCheck.KINK_MARGIN + " of a kink: the check would compare two slopes");
        List<GradientCheck.Result> results = new GradientCheck(c.net(), c.x(), c.targets()).all();
        for (GradientCheck.Result r : results) {
            assertTrue(r.passes(TOLERANCE), c.net().describe() + ": " + r.describe());
        }
    }

    @ParameterizedTest(name = "l1 {0}, l2 {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0, 0.3", "0.1, 0", "0.1, 0.3"})
    void thePenaltyTrainingAddsIsPartOfTheObjective(double l1, double l2) {
        Case c = Nets.dense(new CrossEntropy());
        Penalty penalty = new Penalty(l1, l2);
        for (GradientCheck.Result r : new GradientCheck(c.net(), c.x(), c.targets()).withPenalty(penalty).params()) {
            assertTrue(r.passes(TOLERANCE), r.describe());
        }
        // the checker's numeric side sees the penalty: at the worst weight entry, the central
        // difference is the data gradient plus l2·w + l1·sign(w), far beyond the tolerance
        GradientCheck.Entry e = new GradientCheck(c.net(), c.x(), c.targets()).withPenalty(penalty).params().get(0)
                .worst();
        c.net().backward(c.net().scores(c.x(), Phase.TRAIN), c.targets());
        Param w = c.net().params().get(0);
        double weight = w.value().getEntry(e.row(), e.col());
        double dataGradient = w.grad().getEntry(e.row(), e.col());
        double penaltyGradient = l2 * weight + l1 * Math.signum(weight);
        assertTrue(Math.abs(penaltyGradient) > 1e-4, "a weight far from 0: " + weight);
        // without the penalty in the objective the two would differ by all of penaltyGradient
        assertEquals(dataGradient + penaltyGradient, e.numeric(), 1e-3 * Math.abs(penaltyGradient), "at " + e);
    }

    @Test
    void aWrongDerivativeIsCaught() {
        // f(z) = z² with the derivative z instead of 2z: every input entry is off by a factor 2
        Activation wrong = new Activation() {
            public double apply(double z) {
                return z * z;
            }

            public double derivative(double z, double y) {
                return z;
            }

            public String name() {
                return "wrong_square";
            }
        };
        Case c = Nets.activation(wrong);
        GradientCheck.Result input = new GradientCheck(c.net(), c.x(), c.targets()).input();
        assertEquals("input", input.name());
        assertFalse(input.passes(1e-2), input.describe());
        assertEquals(1.0 / 3, input.maxError(), 1e-6); // |z − 2z| / (|z| + |2z|)
    }

    @Test
    void aBiasBeforeBatchNormHasAZeroGradient() {
        // batch norm subtracts the batch mean of each column, so a constant added before it (the
        // dense bias) cancels: dJ/db = Σ_rows dJ/dz is 0 by construction, not by rounding luck
        Case c = Nets.batchNormAfterDense();
        List<GradientCheck.Result> results = new GradientCheck(c.net(), c.x(), c.targets()).params();
        GradientCheck.Result bias = results.get(1);
        assertEquals("d1.b", bias.name());
        assertTrue(bias.zero(), bias.describe());
        assertTrue(bias.passes(TOLERANCE), bias.describe());
        assertTrue(bias.describe().contains("the loss does not depend on it"), bias.describe());
        double[] db = c.net().params().get(1).grad().data();
        double[] dW = c.net().params().get(0).grad().data();
        double scale = java.util.Arrays.stream(dW).map(Math::abs).max().orElseThrow();
        for (double g : db) {
            assertTrue(Math.abs(g) <= 1e-14 * scale, "db = " + g + " against |dW| up to " + scale);
        }
        // and it is the only such tensor: the weights before batch norm do matter
        assertFalse(results.get(0).zero(), results.get(0).describe());
    }

    @Test
    void tinyDifferencesPassAbsolutelyLargeOnesRelatively() {
        // a structural zero whose numeric side is rounding noise: relative error 1, absolute 1.1e-11
        assertTrue(new GradientCheck.Entry(0, 0, 0.0, 1.1e-11).withinAbsolute());
        assertEquals(1.0, new GradientCheck.Entry(0, 0, 0.0, 1.1e-11).error());
        // beyond the absolute tolerance, the relative error decides
        assertFalse(new GradientCheck.Entry(0, 0, 0.0, 2e-9).withinAbsolute());
        assertEquals(0.0, new GradientCheck.Entry(0, 0, 0.0, 0.0).error());
        assertTrue(Double.isNaN(new GradientCheck.Entry(0, 0, Double.NaN, 0.0).error()));
        assertFalse(new GradientCheck.Entry(0, 0, Double.NaN, 0.0).withinAbsolute());
    }

    @Test
    void samplesOnAKinkAreFound() {
        // relu at exactly 0 for row 0 (x = 0, zero bias), far from it for row 1
        Network net = new Network(List.of(new Dense("d", 2, 3,
                new HeNormal(), new Zeros(), new Rng(1)),
                new ActivationLayer(new Relu(), 3)), new Mse());
        FlatMatrix x = new FlatMatrix(2, 2, new double[] {0, 0, 0.7, -0.4});
        assertEquals(List.of(0), GradientCheck.rowsNearKinks(net, x, new FlatMatrix(2, 3)));
        Network smooth = new Network(List.of(new ActivationLayer(new Tanh(), 2)), new Mse());
        assertEquals(List.of(), GradientCheck.rowsNearKinks(smooth, x, new FlatMatrix(2, 2)));
    }

    @Test
    void resultLinesNameTheTensorAndTheWorstEntry() {
        var r = new GradientCheck.Result("dense1.W", 12, 3.1e-10, new GradientCheck.Entry(2, 1, 0.5, 0.25), false);
        assertEquals("dense1.W             12 entries  max rel. error 3.10e-10 at [2,1] (analytic 0.500000, "
                + "numeric 0.250000)", r.describe());
        var zero = new GradientCheck.Result("layer1.b", 6, 0.0, new GradientCheck.Entry(0, 1, 0.0, 1.1e-11), true);
        assertEquals("layer1.b              6 entries  every |a−n| ≤ 1e-9 (largest 1.10e-11 at [0,1] (analytic "
                + "0.00000, numeric 1.10000e-11)); gradient 0: the loss does not depend on it (a bias before "
                + "batch norm)", zero.describe());
    }

    private static Named<Case> activation(Activation f) {
        return Named.of(f.name(), Nets.activation(f));
    }
}
