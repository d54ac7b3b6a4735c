package deepgrid.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch statistics in TRAIN, running averages (Keras-style momentum) in EVAL; values by hand, to 1e-12. */
class BatchNormTest {
    private static final double EPS = 1e-5;
    private static final double TOL = 1e-12;
    // column 0: mean 2.5, biased variance 1.25, unbiased 5/3; column 1: mean 25, biased 125, unbiased 500/3
    private static final double[][] X = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};

    @Test
    void trainNormalizesWithBatchStatistics() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        double[] y = data(bn.forward(FlatMatrix.of(X), Phase.TRAIN));
        assertEquals((1 - 2.5) / Math.sqrt(1.25 + EPS), y[0], TOL);
        assertEquals((40 - 25) / Math.sqrt(125 + EPS), y[7], TOL);
    }

    @Test
    void runningAveragesFollowKerasMomentum() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        bn.forward(FlatMatrix.of(X), Phase.TRAIN);
        // running = 0.9·running + 0.1·batch, from mean 0 and variance 1; the variance fed is the unbiased one
        assertArrayEquals(new double[] {0.25, 2.5}, bn.runningMean(), TOL);
        assertArrayEquals(new double[] {0.9 + 0.1 * 5 / 3, 0.9 + 0.1 * 500 / 3}, bn.runningVariance(), TOL);
    }

    @Test
    void evalUsesRunningAverages() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        bn.forward(FlatMatrix.of(X), Phase.TRAIN);
        double[] m = bn.runningMean();
        double[] v = bn.runningVariance();
        double[] y = data(bn.forward(FlatMatrix.of(X), Phase.EVAL));
        assertEquals((3 - m[0]) / Math.sqrt(v[0] + EPS), y[4], TOL);
        assertEquals((20 - m[1]) / Math.sqrt(v[1] + EPS), y[3], TOL);
        // in EVAL a row's output does not depend on the rest of its batch, and the averages stay put
        double[] alone = data(bn.forward(FlatMatrix.of(new double[][] {X[2]}), Phase.EVAL));
        assertArrayEquals(new double[] {y[4], y[5]}, alone, TOL);
        assertArrayEquals(m, bn.runningMean(), 0.0);
    }

    @Test
    void runningAveragesConvergeToThePopulationStatistics() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        for (int i = 0; i < 400; i++) {
            bn.forward(FlatMatrix.of(X), Phase.TRAIN);
        }
        assertArrayEquals(new double[] {2.5, 25}, bn.runningMean(), 1e-9);
        assertArrayEquals(new double[] {5.0 / 3, 500.0 / 3}, bn.runningVariance(), 1e-9);
    }

    @Test
    void aSingleRowLeavesTheRunningVarianceAlone() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        bn.forward(FlatMatrix.of(new double[][] {{5, 6}}), Phase.TRAIN);
        assertArrayEquals(new double[] {0.5, 0.6}, bn.runningMean(), TOL);
        assertArrayEquals(new double[] {1, 1}, bn.runningVariance(), 0.0);
    }

    @Test
    void gammaAndBetaAreNamedScaleAndShift() {
        List<Param> p = new BatchNorm("hidden1.bn", 3, 0.9, EPS).params();
        assertEquals("hidden1.bn.gamma", p.get(0).name());
        assertEquals(Param.Role.SCALE, p.get(0).role());
        assertArrayEquals(new double[] {1, 1, 1}, p.get(0).value().data(), 0.0);
        assertEquals("hidden1.bn.beta", p.get(1).name());
        assertEquals(Param.Role.SHIFT, p.get(1).role());
        assertArrayEquals(new double[] {0, 0, 0}, p.get(1).value().data(), 0.0);
    }

    @Test
    void gammaAndBetaScaleAndShiftTheOutput() {
        BatchNorm bn = new BatchNorm("bn", 2, 0.9, EPS);
        bn.params().get(0).value().data()[1] = 3.0;
        bn.params().get(1).value().data()[1] = -1.0;
        double[] y = data(bn.forward(FlatMatrix.of(X), Phase.TRAIN));
        assertEquals(3.0 * (40 - 25) / Math.sqrt(125 + EPS) - 1.0, y[7], TOL);
    }

    private static double[] data(org.apache.commons.math3.linear.RealMatrix m) {
        return FlatMatrix.of(m).data();
    }
}
