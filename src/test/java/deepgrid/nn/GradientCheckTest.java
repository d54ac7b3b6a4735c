package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
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
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.SquaredHinge;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central differences for every layer, activation and loss:
 * each named case must have a relative error below 1e-6 in every parameter and in the
 * input (see {@link GradientCheck} for the formula). Inputs stay at least 1e-3 away from
 * the kinks of piecewise functions, far beyond the step h = 1e-5.
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
                Named.of("deep mixed net", Nets.deepMixed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backpropMatchesFiniteDifferences(Case c) {
        List<GradientCheck.Result> results = new GradientCheck(c.net(), c.x(), c.targets()).all();
        for (GradientCheck.Result r : results) {
            assertTrue(r.passes(TOLERANCE), c.net().describe() + ": " + r.describe());
        }
    }

    @Test
    void penaltyGradientIsPartOfTheObjective() {
        Case c = Nets.dense(new CrossEntropy());
        double l2 = 0.3;
        GradientCheck.Penalty halfL2 = GradientCheck.Penalty.of(
                params -> weights(params).mapToDouble(p -> 0.5 * l2 * Ops.sumOfSquares(p.value())).sum(),
                params -> weights(params).forEach(p -> {
                    double[] g = p.grad().data();
                    double[] w = p.value().data();
                    for (int i = 0; i < g.length; i++) {
                        g[i] += l2 * w[i];
                    }
                }));
        for (GradientCheck.Result r : new GradientCheck(c.net(), c.x(), c.targets()).withPenalty(halfL2).params()) {
            assertTrue(r.passes(TOLERANCE), r.describe());
        }
        // and without adding its gradient, the weights must fail: the checker sees the penalty
        GradientCheck.Penalty valueOnly = GradientCheck.Penalty.of(halfL2::value, params -> { });
        GradientCheck.Result w = new GradientCheck(c.net(), c.x(), c.targets()).withPenalty(valueOnly).params().get(0);
        assertFalse(w.passes(TOLERANCE), w.describe());
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
    void resultLinesNameTheTensorAndTheWorstEntry() {
        var r = new GradientCheck.Result("dense1.W", 12, 3.1e-10, new GradientCheck.Entry(2, 1, 0.5, 0.25));
        assertEquals("dense1.W             12 entries  max rel. error 3.10e-10 at [2,1] (analytic 0.500000, "
                + "numeric 0.250000)", r.describe());
    }

    private static Stream<Param> weights(List<Param> params) {
        return params.stream().filter(p -> p.role() == Param.Role.WEIGHT);
    }

    private static Named<Case> activation(Activation f) {
        return Named.of(f.name(), Nets.activation(f));
    }
}
