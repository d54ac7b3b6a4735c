package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.activations.Relu;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.HeNormal;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CategoricalHinge;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.Poisson;
import deepgrid.nn.optimizers.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small networks built in code learn their classic toy problems with plain gradient descent, in seconds. */
class LearningTest {
    private static final FlatMatrix XOR_X = FlatMatrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final FlatMatrix XOR_T = new FlatMatrix(4, 1, new double[] {0, 1, 1, 0});

    @Test
    void tanhNetSolvesXorForNineSeedsInTen() {
        int solved = 0;
        for (int seed = 0; seed < 10; seed++) {
            Rng rng = new Rng(seed);
            Network net = new Network(List.of(dense("h", 2, 8, rng), new ActivationLayer(new Tanh(), 8),
                    dense("out", 8, 1, rng)), new BinaryCrossEntropy());
            train(net, XOR_X, XOR_T, new Schedule(2000, 4, 0.5), rng.split("shuffle"));
            solved += Metrics.accuracy(net.predict(XOR_X), XOR_T) == 1.0 ? 1 : 0;
        }
        assertTrue(solved >= 9, solved + " of 10 seeds solved xor");
    }

    @Test
    void reluNetSeparatesTheThreeSpirals() {
        Rng rng = new Rng(7);
        FlatMatrix[] data = spiral(100, 3, 0.2, rng.split("data"));
        Network net = new Network(List.of(dense("h", 2, 100, rng), new ActivationLayer(new Relu(), 100),
                dense("out", 100, 3, rng)), new CrossEntropy());
        train(net, data[0], data[1], new Schedule(300, 30, 0.5), rng.split("shuffle"));
        double accuracy = Metrics.accuracy(net.predict(data[0]), data[1]);
        assertTrue(accuracy >= 0.95, "training accuracy " + accuracy);
    }

    @Test
    void hingeNetSeparatesTwoBlobs() {
        Rng rng = new Rng(3);
        FlatMatrix[] data = blobs(rng.split("data"));
        Network net = new Network(List.of(dense("linear", 2, 2, rng)), new Hinge(1));
        train(net, data[0], data[1], new Schedule(30, 10, 0.1), rng.split("shuffle"));
        assertEquals(1.0, Metrics.accuracy(net.predict(data[0]), data[1]));
    }

    @Test
    void mseNetSeparatesTwoBlobs() {
        Rng rng = new Rng(4);
        FlatMatrix[] data = blobs(rng.split("data"));
        FlatMatrix t = new FlatMatrix(data[1].getRowDimension(), 1);
        for (int i = 0; i < t.getRowDimension(); i++) {
            t.data()[i] = data[1].getEntry(i, 1); // 0/1: is it the second blob?
        }
        Network net = new Network(List.of(dense("linear", 2, 1, rng)), new Mse());
        train(net, data[0], t, new Schedule(30, 10, 0.1), rng.split("shuffle"));
        assertEquals(1.0, Metrics.accuracy(net.predict(data[0]), t));
    }

    @Test
    void categoricalHingeNetSeparatesTwoBlobs() {
        Rng rng = new Rng(3);
        FlatMatrix[] data = blobs(rng.split("data"));
        Network net = new Network(List.of(dense("linear", 2, 2, rng)), new CategoricalHinge());
        train(net, data[0], data[1], new Schedule(30, 10, 0.1), rng.split("shuffle"));
        assertEquals(1.0, Metrics.accuracy(net.predict(data[0]), data[1]));
    }

    /**
     * Counts drawn from Poisson(e^(0.8x − 0.3)) for 2000 x in [−1, 1] (Knuth's product of uniforms):
     * a linear unit under the poisson loss recovers the log-rate's slope and intercept. The
     * maximum-likelihood estimates of 2000 draws sit within about 0.05 of the truth (their standard
     * error), so 0.15 is three of those, far above any rounding.
     */
    @Test
    void poissonUnitRecoversTheLogRate() {
        Rng rng = new Rng(5);
        int n = 2000;
        FlatMatrix x = new FlatMatrix(n, 1);
        FlatMatrix t = new FlatMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            double xi = 2 * rng.nextDouble() - 1;
            double limit = Math.exp(-Math.exp(0.8 * xi - 0.3));
            int k = 0;
            for (double p = rng.nextDouble(); p > limit; p *= rng.nextDouble()) {
                k++;
            }
            x.data()[i] = xi;
            t.data()[i] = k;
        }
        Dense unit = dense("log_rate", 1, 1, rng);
        Network net = new Network(List.of(unit), new Poisson());
        train(net, x, t, new Schedule(60, 50, 0.2), rng.split("shuffle"));
        assertEquals(0.8, unit.params().get(0).value().getEntry(0, 0), 0.15, "slope");
        assertEquals(-0.3, unit.params().get(1).value().getEntry(0, 0), 0.15, "intercept");
        assertEquals(Math.exp(-0.3), net.predict(new FlatMatrix(1, 1)).getEntry(0, 0), 0.15, "rate at x = 0");
    }

    /** How long and how fast: epochs, rows per update, learning rate. */
    record Schedule(int epochs, int batchSize, double lr) {
    }

    /** Mini-batch gradient descent over shuffled batches; batchSize ≥ rows is full-batch. */
    static void train(Network net, FlatMatrix x, FlatMatrix t, Schedule s, Rng shuffle) {
        Optimizer sgd = new Sgd();
        int n = x.getRowDimension();
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            int[] order = shuffle.permutation(n);
            for (int from = 0; from < n; from += s.batchSize()) {
                int to = Math.min(n, from + s.batchSize());
                FlatMatrix xb = x.selectRows(order, from, to);
                net.backward(net.scores(xb, Phase.TRAIN), t.selectRows(order, from, to));
                sgd.step(net.params(), s.lr());
            }
        }
    }

    /**
     * The spiral of the CS231n notes ("Putting it together: minimal neural network case
     * study"): for class j and i = 0..n−1, r = i/(n−1), θ = 4j + 4i/(n−1) + noise·N(0, 1),
     * x = (r sin θ, r cos θ). Returns {x (n·k × 2), one-hot targets (n·k × k)}.
     */
    static FlatMatrix[] spiral(int n, int k, double noise, Rng rng) {
        FlatMatrix x = new FlatMatrix(n * k, 2);
        FlatMatrix t = new FlatMatrix(n * k, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                int row = j * n + i;
                double r = (double) i / (n - 1);
                double theta = 4.0 * j + 4.0 * i / (n - 1) + noise * rng.nextGaussian();
                x.data()[2 * row] = r * Math.sin(theta);
                x.data()[2 * row + 1] = r * Math.cos(theta);
                t.data()[row * k + j] = 1.0;
            }
        }
        return new FlatMatrix[] {x, t};
    }

    /** 50 points around (−2, −1) and 50 around (2, 1), standard deviation 0.5: linearly separable. */
    static FlatMatrix[] blobs(Rng rng) {
        int n = 100;
        FlatMatrix x = new FlatMatrix(n, 2);
        FlatMatrix t = new FlatMatrix(n, 2);
        for (int i = 0; i < n; i++) {
            int c = i < n / 2 ? 0 : 1;
            double sign = c == 0 ? -1 : 1;
            x.data()[2 * i] = 2 * sign + 0.5 * rng.nextGaussian();
            x.data()[2 * i + 1] = sign + 0.5 * rng.nextGaussian();
            t.data()[2 * i + c] = 1.0;
        }
        return new FlatMatrix[] {x, t};
    }

    private static Dense dense(String name, int in, int out, Rng rng) {
        return new Dense(name, in, out, new HeNormal(), new Zeros(), rng);
    }
}
