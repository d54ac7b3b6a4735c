package deepgrid.train;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Activation;
import deepgrid.nn.Layer;
import deepgrid.nn.Network;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import deepgrid.nn.layers.ActivationLayer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Watches every layer of a network through training, for layers.csv. Order of use per
 * epoch: {@link #startEpoch}, {@link #afterBackward} after the gradients of each sampled batch, then
 * {@link #endEpoch}. It only reads parameters and runs evaluation-mode forward passes, so
 * it never changes what the network learns.
 */
final class LayerMonitor {
    private final List<Layer> layers;
    private final FlatMatrix probe; // (probe × features), fixed training samples
    private final double[] gradNormSum;
    private final List<double[]> start = new ArrayList<>();
    private int batches;

    LayerMonitor(Network net, FlatMatrix probe) {
        this.layers = net.layers();
        this.probe = probe;
        this.gradNormSum = new double[layers.size()];
    }

    /** Remembers the parameters at the start of the epoch. */
    void startEpoch() {
        start.clear();
        for (Layer l : layers) {
            start.add(flatten(l.params()));
        }
        java.util.Arrays.fill(gradNormSum, 0.0);
        batches = 0;
    }

    /** Adds this batch's gradient norms. */
    void afterBackward() {
        for (int i = 0; i < layers.size(); i++) {
            double s = 0.0; // the norm over all the layer's parameters: √(Σ over params of ‖g‖²)
            for (Param p : layers.get(i).params()) {
                s = Math.hypot(s, Moments.distance(p.grad().data(), null));
            }
            gradNormSum[i] += s;
        }
        batches++;
    }

    /** The rows of this epoch (epoch 0: before training, no gradients or updates yet). */
    List<LayerMetrics> endEpoch(int epoch) {
        List<LayerMetrics> rows = new ArrayList<>();
        RealMatrix a = probe;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            a = l.forward(a, Phase.EVAL);
            boolean trained = epoch > 0 && !l.params().isEmpty();
            double grad = trained && batches > 0 ? gradNormSum[i] / batches : Double.NaN;
            double ratio = trained ? updateRatio(start.get(i), flatten(l.params())) : Double.NaN;
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

    private static double[] flatten(List<Param> params) {
        int n = params.stream().mapToInt(Param::size).sum();
        double[] out = new double[n];
        int at = 0;
        for (Param p : params) {
            double[] v = p.value().data();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    private static double updateRatio(double[] before, double[] after) {
        double norm = Moments.distance(before, null);
        return norm == 0.0 ? Double.NaN : Moments.distance(after, before) / norm;
    }
}
