package deepgrid.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.Network;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import deepgrid.nn.activations.Relu;
import deepgrid.nn.activations.Sigmoid;
import deepgrid.nn.initializers.Constant;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.losses.Mse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** layers.csv statistics on networks whose answers are known by hand. */
class LayerMonitorTest {
    private static final FlatMatrix PROBE = FlatMatrix.of(new double[][] {{1, 2}, {3, 4}});

    @Test
    void activationStatisticsDeadUnitsAndSaturation() {
        // W = 10 everywhere, b = 0: z = 10·(x1 + x2) = 30 and 70 in both units
        Dense dense = new Dense("layer1", 2, 2, new Constant(10), new Zeros(), new Rng(1));
        Network sig = new Network(List.of(dense, new ActivationLayer(new Sigmoid(), 2)), new Mse());
        List<LayerMetrics> rows = endEpoch(sig, 0);
        assertEquals(50.0, rows.get(0).activations().mean(), 1e-12);
        assertEquals(20.0, rows.get(0).activations().std(), 1e-12, "population std of 30, 30, 70, 70");
        assertTrue(Double.isNaN(rows.get(0).activations().saturated()), "a dense layer has no saturation");
        assertEquals(1.0, rows.get(1).activations().saturated(), 0.0, "σ(30) and σ(70) are flat");
        assertEquals(0.0, rows.get(1).activations().dead(), 0.0);

        Dense negative = new Dense("layer1", 2, 2, new Constant(-1), new Zeros(), new Rng(1));
        Network relu = new Network(List.of(negative, new ActivationLayer(new Relu(), 2)), new Mse());
        LayerMetrics r = endEpoch(relu, 0).get(1);
        assertEquals(1.0, r.activations().dead(), 0.0, "both ReLU units output 0 for every sample");
        assertTrue(Double.isNaN(r.activations().saturated()), "ReLU does not saturate");
        assertTrue(Double.isNaN(r.gradientNorm()) && Double.isNaN(r.updateRatio()), "nothing trained at epoch 0");
    }

    @Test
    void hugeActivationsHaveAFiniteStdWhereThePlainFormulaSquaredToInfinity() {
        // W = 1e200: z = 1e200·(x1 + x2) = 3e200 and 7e200; (z − mean)² = 4e400 overflowed to Infinity
        Dense dense = new Dense("layer1", 2, 2, new Constant(1e200), new Zeros(), new Rng(1));
        LayerMetrics row = endEpoch(new Network(List.of(dense), new Mse()), 0).get(0);
        assertEquals(5e200, row.activations().mean(), 5e200 * 1e-15);
        assertEquals(2e200, row.activations().std(), 2e200 * 1e-15, "population std of 3e200, 3e200, 7e200, 7e200");
        Dense infinite = new Dense("layer1", 2, 2, new Constant(1e308), new Zeros(), new Rng(1));
        LayerMetrics inf = endEpoch(new Network(List.of(infinite), new Mse()), 0).get(0);
        assertTrue(Double.isNaN(inf.activations().std()), "outputs that are Infinity have no std: an empty cell");
    }

    @Test
    void gradientNormAndUpdateRatioAreMeansOverTheSampledSteps() {
        Dense dense = new Dense("layer1", 2, 1, new Constant(1), new Zeros(), new Rng(1));
        Network net = new Network(List.of(dense), new Mse());
        LayerMonitor m = new LayerMonitor(net);
        m.startEpoch();
        Param w = dense.params().get(0);
        Param b = dense.params().get(1);
        setGrad(w, 3, 4); // ‖(3, 4, 0)‖ = 5
        b.grad().data()[0] = 0;
        m.afterBackward();
        w.value().data()[0] = 2; // step 1: θ (1, 1, 0) → (2, 1, 0): ‖Δ‖/‖θ‖ = 1/√2
        m.afterStep();
        setGrad(w, 0, 0);
        b.grad().data()[0] = 1; // ‖(0, 0, 1)‖ = 1
        m.afterBackward();
        w.value().data()[1] = 3; // step 2: θ (2, 1, 0) → (2, 3, 0): ‖Δ‖/‖θ‖ = 2/√5
        m.afterStep();
        LayerMetrics row = m.endEpoch(1, net.layerOutputs(PROBE, Phase.EVAL)).get(0);
        assertEquals(3.0, row.gradientNorm(), 1e-12, "(5 + 1) / 2 batches");
        assertEquals((1 / Math.sqrt(2) + 2 / Math.sqrt(5)) / 2, row.updateRatio(), 1e-12, "the mean of the two steps");

        m.startEpoch();
        assertTrue(Double.isNaN(m.endEpoch(2, net.layerOutputs(PROBE, Phase.EVAL)).get(0).updateRatio()), "an epoch without sampled steps has none");
    }

    /** A fresh monitor's rows for {@code epoch}, from the probe's layer outputs in evaluation mode. */
    private static List<LayerMetrics> endEpoch(Network net, int epoch) {
        return new LayerMonitor(net).endEpoch(epoch, net.layerOutputs(PROBE, Phase.EVAL));
    }

    private static void setGrad(Param p, double a, double b) {
        p.grad().data()[0] = a;
        p.grad().data()[1] = b;
    }

}
