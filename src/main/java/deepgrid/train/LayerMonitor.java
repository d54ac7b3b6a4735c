package deepgrid.train;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Activation;
import deepgrid.nn.Layer;
import deepgrid.nn.Network;
import deepgrid.nn.Param;
import deepgrid.nn.layers.ActivationLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Watches every layer of a network through training, for layers.csv. Order of use per
 * epoch: {@link #startEpoch}; for each sampled batch {@link #afterBackward} once its
 * gradients are in place and {@link #afterStep} once the optimizer has applied them; then
 * {@link #endEpoch} with the probe's layer outputs ({@link Network#layerOutputs}). It only
 * reads parameters and outputs, so it never changes what the network learns.
 */
final class LayerMonitor {
    private final List<Layer> layers;
    private final double[] gradNormSum;
    private final double[] ratioSum;
    private final int[] ratioSteps;
    private final List<double[]> before = new ArrayList<>();
    private final List<double[]> after = new ArrayList<>();
    private int batches;

    LayerMonitor(Network net) {
        this.layers = net.layers();
        this.gradNormSum = new double[layers.size()];
        this.ratioSum = new double[layers.size()];
        this.ratioSteps = new int[layers.size()];
        for (Layer l : layers) {
            int n = weights(l).stream().mapToInt(Param::size).sum();
            before.add(new double[n]);
            after.add(new double[n]);
        }
    }

    /** Forgets the last epoch's sums. */
    void startEpoch() {
        Arrays.fill(gradNormSum, 0.0);
        Arrays.fill(ratioSum, 0.0);
        Arrays.fill(ratioSteps, 0);
        batches = 0;
    }

    /** Adds this batch's gradient norms and remembers the parameters the optimizer is about to change. */
    void afterBackward() {
        for (int i = 0; i < layers.size(); i++) {
            double s = 0.0; // the norm over all the layer's parameters: √(Σ over params of ‖g‖²)
            for (Param p : layers.get(i).params()) {
                s = Math.hypot(s, Moments.distance(p.grad().data(), null));
            }
            gradNormSum[i] += s;
            flatten(weights(layers.get(i)), before.get(i));
        }
        batches++;
    }

    /**
     * Adds this step's update/weight ratio ‖W_after − W_before‖ / ‖W_before‖ per layer, over its
     * weights (and batch norm's scale), not its biases: a bias that starts at 0 would make the
     * ratio of its first steps huge. None where ‖W_before‖ = 0.
     */
    void afterStep() {
        for (int i = 0; i < layers.size(); i++) {
            flatten(weights(layers.get(i)), after.get(i));
            double r = updateRatio(before.get(i), after.get(i));
            if (!Double.isNaN(r)) {
                ratioSum[i] += r;
                ratioSteps[i]++;
            }
        }
    }

    /**
     * The rows of this epoch (epoch 0: before training, no gradients or updates yet), from
     * {@code outputs}, every layer's output for the probe samples in evaluation mode.
     */
    List<LayerMetrics> endEpoch(int epoch, List<RealMatrix> outputs) {
        List<LayerMetrics> rows = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            RealMatrix a = outputs.get(i);
            boolean trained = epoch > 0 && !l.params().isEmpty();
            double grad = trained && batches > 0 ? gradNormSum[i] / batches : Double.NaN;
            double ratio = trained && ratioSteps[i] > 0 ? ratioSum[i] / ratioSteps[i] : Double.NaN;
            rows.add(new LayerMetrics(epoch, i + 1, l.describe(), activations(l, FlatMatrix.of(a)), grad, ratio));
        }
        return rows;
    }

    private static LayerMetrics.Activations activations(Layer l, FlatMatrix y) {
        double[] d = y.data();
        double[] moments = Moments.meanAndStd(d); // scaled: the std of 1e200s is 1e200, not Infinity
        double mean = moments[0];
        double std = moments[1];
        if (!(l instanceof ActivationLayer al)) {
            return new LayerMetrics.Activations(mean, std, Double.NaN, Double.NaN);
        }
        return new LayerMetrics.Activations(mean, std, saturated(al.activation(), d), dead(y));
    }

    private static double saturated(Activation f, double[] y) {
        if (!f.saturates()) {
            return Double.NaN;
        }
        int n = 0;
        for (double v : y) {
            n += f.isSaturated(v) ? 1 : 0;
        }
        return (double) n / Math.max(1, y.length);
    }

    /** Fraction of units (columns) that output exactly 0 for every probe sample. */
    private static double dead(FlatMatrix y) {
        int rows = y.getRowDimension();
        int cols = y.getColumnDimension();
        double[] d = y.data();
        int dead = 0;
        for (int j = 0; j < cols; j++) {
            boolean allZero = rows > 0;
            for (int i = 0; i < rows && allZero; i++) {
                allZero = d[i * cols + j] == 0.0;
            }
            dead += allZero ? 1 : 0;
        }
        return (double) dead / Math.max(1, cols);
    }

    /** The parameters whose update ratio is watched: weights and scales, not biases or shifts. */
    private static List<Param> weights(Layer l) {
        return l.params().stream().filter(p -> p.role() == Param.Role.WEIGHT || p.role() == Param.Role.SCALE).toList();
    }

    private static void flatten(List<Param> params, double[] out) {
        int at = 0;
        for (Param p : params) {
            double[] v = p.value().data();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
    }

    private static double updateRatio(double[] before, double[] after) {
        double norm = Moments.distance(before, null);
        return norm == 0.0 ? Double.NaN : Moments.distance(after, before) / norm;
    }
}
