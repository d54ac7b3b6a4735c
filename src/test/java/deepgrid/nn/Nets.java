package deepgrid.nn;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.activations.Elu;
import deepgrid.nn.activations.Gelu;
import deepgrid.nn.activations.Identity;
import deepgrid.nn.activations.Silu;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.HeNormal;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.BatchNorm;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.layers.Dropout;
import deepgrid.nn.layers.Maxout;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Mse;
import java.util.List;

/** Small random networks and batches for the gradient check, each from its own fixed seed. */
final class Nets {
    static final int BATCH = 6;
    static final int IN = 4;

    private Nets() {
    }

    /** Normal(0, std) for biases, so that they are not all zero and their gradients are exercised. */
    record SmallNormal(double std) implements Initializer {
        @Override
        public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
            for (int i = 0; i < values.length; i++) {
                values[i] = std * rng.nextGaussian();
            }
        }

        @Override
        public String name() {
            return "normal";
        }
    }

    /** x → f → dense(2) | mse, with x at least 1e-3 away from 0, where the kinks of relu, elu and step are. */
    static GradientCheckTest.Case activation(Activation f) {
        Rng rng = new Rng(11);
        FlatMatrix x = gaussian(BATCH, IN, rng);
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            while (Math.abs(d[i]) < 1e-3) {
                d[i] = rng.nextGaussian();
            }
        }
        List<Layer> layers = List.of(new ActivationLayer(f, IN), dense("out", IN, 2, rng));
        return new GradientCheckTest.Case(new Network(layers, new Mse()), x, gaussian(BATCH, 2, rng));
    }

    /** x → dense(k) | loss, with targets of the loss's kind. */
    static GradientCheckTest.Case dense(Loss loss) {
        Rng rng = new Rng(12);
        int k = loss.targets() == TargetKind.BINARY ? 1 : 3;
        Network net = new Network(List.of(dense("dense", IN, k, rng)), loss);
        return new GradientCheckTest.Case(net, gaussian(BATCH, IN, rng), targets(loss, k, rng));
    }

    /** Scores fed straight to a margin loss, every term at least 1e-2 away from its kink. */
    static GradientCheckTest.Case margin(Loss loss) {
        Rng rng = new Rng(13);
        int k = 4;
        FlatMatrix t = oneHot(BATCH, k, rng);
        FlatMatrix s = gaussian(BATCH, k, rng);
        double[] sd = s.data();
        for (int i = 0; i < BATCH; i++) {
            int target = deepgrid.math.Ops.argmaxRow(t, i);
            for (int j = 0; j < k; j++) {
                // margin 1: the kink is at s_j = s_t − 1
                while (j != target && Math.abs(sd[i * k + j] - sd[i * k + target] + 1) < 1e-2) {
                    sd[i * k + j] = 2 * rng.nextGaussian();
                }
            }
        }
        Network net = new Network(List.of(new ActivationLayer(new Identity(), k)), loss);
        return new GradientCheckTest.Case(net, s, t);
    }

    /**
     * Scores fed straight to {@code loss}, each row drawn again until it is at least 1e-2 from
     * every kink the loss reports ({@link Loss#nearestKinks}); targets as the loss takes them.
     */
    static GradientCheckTest.Case awayFromKinks(Loss loss, int seed) {
        Rng rng = new Rng(seed);
        int k = 4;
        FlatMatrix t = targets(loss, k, rng);
        FlatMatrix s = gaussian(BATCH, k, rng);
        for (int i = 0; i < BATCH; i++) {
            while (true) {
                double[] d = {Double.POSITIVE_INFINITY};
                FlatMatrix row = new FlatMatrix(1, k, java.util.Arrays.copyOfRange(s.data(), i * k, i * k + k));
                FlatMatrix target = new FlatMatrix(1, k, java.util.Arrays.copyOfRange(t.data(), i * k, i * k + k));
                loss.nearestKinks(row, target, d);
                if (d[0] >= 1e-2) {
                    break;
                }
                for (int j = 0; j < k; j++) {
                    s.data()[i * k + j] = 2 * rng.nextGaussian();
                }
            }
        }
        Network net = new Network(List.of(new ActivationLayer(new Identity(), k)), loss);
        return new GradientCheckTest.Case(net, s, t);
    }

    /** x → batchnorm with γ and β moved away from 1 and 0 | mse. */
    static GradientCheckTest.Case batchNormAlone() {
        Rng rng = new Rng(14);
        BatchNorm bn = new BatchNorm("bn", IN, 0.9, 1e-5);
        for (Param p : bn.params()) {
            double[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.5 * rng.nextGaussian();
            }
        }
        Network net = new Network(List.of(bn), new Mse());
        return new GradientCheckTest.Case(net, gaussian(BATCH, IN, rng), gaussian(BATCH, IN, rng));
    }

    /** x → dense(5) → batchnorm → tanh → dense(3) | cross_entropy. */
    static GradientCheckTest.Case batchNormAfterDense() {
        Rng rng = new Rng(15);
        List<Layer> layers = List.of(dense("d1", IN, 5, rng), new BatchNorm("bn", 5, 0.9, 1e-5),
                new ActivationLayer(new Tanh(), 5), dense("d2", 5, 3, rng));
        return classes(layers, rng);
    }

    /** x → maxout(3 units × 3 pieces) → dense(3) | cross_entropy. */
    static GradientCheckTest.Case maxout() {
        Rng rng = new Rng(16);
        List<Layer> layers = List.of(new Maxout("mx", IN, 3, 3, new HeNormal(), new SmallNormal(0.5), rng),
                dense("d", 3, 3, rng));
        return classes(layers, rng);
    }

    /** x → dense(6) → tanh → dropout(0.5) → dense(3) | cross_entropy; the mask is frozen by the check. */
    static GradientCheckTest.Case dropout() {
        Rng rng = new Rng(17);
        List<Layer> layers = List.of(dense("d1", IN, 6, rng), new ActivationLayer(new Tanh(), 6),
                new Dropout(0.5, 6, rng.split("dropout")), dense("d2", 6, 3, rng));
        return classes(layers, rng);
    }

    /** Dense, batch norm, elu, dropout, maxout, gelu and silu in one net. */
    static GradientCheckTest.Case deepMixed() {
        Rng rng = new Rng(18);
        List<Layer> layers = List.of(dense("d1", IN, 6, rng), new BatchNorm("bn", 6, 0.9, 1e-5),
                new ActivationLayer(new Elu(1.0), 6), new Dropout(0.3, 6, rng.split("dropout")),
                new Maxout("mx", 6, 5, 2, new HeNormal(), new SmallNormal(0.5), rng),
                dense("d2", 5, 5, rng), new ActivationLayer(new Gelu(), 5),
                dense("d3", 5, 4, rng), new ActivationLayer(new Silu(), 4), dense("out", 4, 3, rng));
        return classes(layers, rng);
    }

    static Dense dense(String name, int in, int out, Rng rng) {
        return new Dense(name, in, out, new HeNormal(), new SmallNormal(0.5), rng);
    }

    static FlatMatrix gaussian(int rows, int cols, Rng rng) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return new FlatMatrix(rows, cols, d);
    }

    /** Counts 0..4, as a Poisson target. */
    static FlatMatrix counts(int rows, int cols, Rng rng) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextInt(5);
        }
        return new FlatMatrix(rows, cols, d);
    }

    static FlatMatrix oneHot(int rows, int k, Rng rng) {
        FlatMatrix t = new FlatMatrix(rows, k);
        for (int i = 0; i < rows; i++) {
            t.data()[i * k + rng.nextInt(k)] = 1.0;
        }
        return t;
    }

    private static GradientCheckTest.Case classes(List<Layer> layers, Rng rng) {
        return new GradientCheckTest.Case(new Network(layers, new CrossEntropy()), gaussian(BATCH, IN, rng),
                oneHot(BATCH, 3, rng));
    }

    private static FlatMatrix targets(Loss loss, int k, Rng rng) {
        return switch (loss.targets()) {
            case CLASSES -> oneHot(BATCH, k, rng);
            case BINARY -> new FlatMatrix(BATCH, 1, new double[] {0, 1, 1, 0, 1, 0});
            case ANY -> gaussian(BATCH, k, rng);
            case COUNTS -> counts(BATCH, k, rng);
        };
    }
}
