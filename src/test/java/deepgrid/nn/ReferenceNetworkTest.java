package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.BatchNorm;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.layers.Dropout;
import deepgrid.nn.losses.CrossEntropy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small whole network against PyTorch autograd (fixtures/network.json, written by
 * scripts/make-network-fixture.py): dense → batchnorm → tanh → dropout with a fixed mask →
 * dense | cross_entropy, float64. The loss, the gradient of every parameter and dL/dx must
 * agree to 1e-10 (relative to max(1, |expected|)): far above the 1e-16-level rounding
 * differences between CPUs and BLAS kernels, far below any real mistake. Run under both kernels.
 */
class ReferenceNetworkTest {
    private static final double TOLERANCE = 1e-10;
    private static JsonNode fixture;

    @BeforeAll
    static void read() {
        fixture = Fixtures.read("network.json");
    }

    @Test
    void lossAndEveryGradientMatchPyTorch() {
        Network net = network();
        FlatMatrix x = Fixtures.matrix(fixture.get("x"));
        FlatMatrix t = oneHot(fixture.get("targets"), 3);
        Pass pass = forwardBackward(net, x, t);
        assertClose("loss", fixture.get("loss").doubleValue(), pass.loss());
        for (Param p : net.params()) {
            assertMatrix(p.name() + " gradient", Fixtures.matrix(fixture.get("grads").get(p.name())), p.grad());
        }
        assertMatrix("dL/dx", Fixtures.matrix(fixture.get("input_grad")), pass.dx());
    }

    @Test
    void theDropoutMaskIsTheFixturesOne() {
        // the fixture's mask is the first one Dropout(0.5) draws from Rng(2024); if the draw
        // changes, regenerate the fixture with the new mask rather than loosening the test
        Dropout d = new Dropout(0.5, 5, new Rng(fixture.get("dropout_seed").longValue()));
        FlatMatrix ones = new FlatMatrix(6, 5);
        java.util.Arrays.fill(ones.data(), 1.0);
        assertArrayEquals(Fixtures.matrix(fixture.get("mask")).data(), FlatMatrix.of(d.forward(ones, Phase.TRAIN)).data());
    }

    @Test
    void runsOnTheKernelTheBuildAsked() {
        // mvn test runs this class twice: on the default kernel and with DEEPGRID_KERNEL=java
        // (with the vector module, as the launcher gives it); make sure the second really is Java
        if ("java".equals(System.getenv("DEEPGRID_KERNEL"))) {
            assertTrue(deepgrid.math.Kernel.description().startsWith("pure Java: netlib VectorBLAS"),
                    deepgrid.math.Kernel.description());
        }
    }

    /** The fixture's network, its parameters set to the fixture's values. */
    private static Network network() {
        Rng unused = new Rng(0); // every parameter is overwritten below
        Network net = new Network(List.of(new Dense("d1", 4, 5, new Zeros(), new Zeros(), unused),
                new BatchNorm("bn", 5, 0.9, fixture.get("eps").doubleValue()), new ActivationLayer(new Tanh(), 5),
                new Dropout(fixture.get("dropout_p").doubleValue(), 5, new Rng(fixture.get("dropout_seed").longValue())),
                new Dense("d2", 5, 3, new Zeros(), new Zeros(), unused)), new CrossEntropy());
        assertEquals(List.of("d1.W", "d1.b", "bn.gamma", "bn.beta", "d2.W", "d2.b"),
                net.params().stream().map(Param::name).toList());
        for (Param p : net.params()) {
            double[] v = Fixtures.matrix(fixture.get("params").get(p.name())).data();
            System.arraycopy(v, 0, p.value().data(), 0, v.length);
        }
        return net;
    }

    private record Pass(double loss, FlatMatrix dx) {
    }

    /** One TRAIN forward pass (drawing the mask), then the loss with that mask and the backward pass. */
    private static Pass forwardBackward(Network net, FlatMatrix x, FlatMatrix t) {
        FlatMatrix scores = FlatMatrix.of(net.scores(x, Phase.TRAIN));
        net.freezeRandomness();
        FlatMatrix dx = FlatMatrix.of(net.backwardToInput(scores, t));
        double loss = net.loss(x, t, Phase.TRAIN);
        return new Pass(loss, dx);
    }

    private static void assertMatrix(String what, FlatMatrix expected, FlatMatrix actual) {
        assertEquals(expected.getRowDimension(), actual.getRowDimension(), what + " rows");
        assertEquals(expected.getColumnDimension(), actual.getColumnDimension(), what + " columns");
        for (int i = 0; i < expected.data().length; i++) {
            assertClose(what + " entry " + i, expected.data()[i], actual.data()[i]);
        }
    }

    private static void assertClose(String what, double expected, double actual) {
        assertTrue(Math.abs(actual - expected) <= TOLERANCE * Math.max(1.0, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual + " (PyTorch float64, tolerance 1e-10)");
    }

    private static FlatMatrix oneHot(JsonNode labels, int k) {
        FlatMatrix t = new FlatMatrix(labels.size(), k);
        for (int i = 0; i < labels.size(); i++) {
            t.data()[i * k + labels.get(i).intValue()] = 1.0;
        }
        return t;
    }
}
