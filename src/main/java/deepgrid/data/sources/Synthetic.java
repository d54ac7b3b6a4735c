package deepgrid.data.sources;

import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.List;

/** What the generated sources share: numpy's linspace, class names, the seeded test split and the ranges of noise and test. */
public final class Synthetic {
    /** The standard deviation of the Gaussian noise: ≥ 0. */
    public static final Range NOISE = Range.atLeast(0);
    /** The held-out test fraction: [0, 1). */
    public static final Range TEST = Splits.FRACTION;

    private Synthetic() {
    }

    /** numpy.linspace(start, stop, n): n evenly spaced values, both ends included. */
    static double linspace(double start, double stop, int n, int i) {
        return n == 1 ? start : start + i * (stop - start) / (n - 1);
    }

    /** "0", "1", ..., "k−1". */
    static List<String> classNames(int k) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /**
     * Generation and splitting draw from separate Rng purposes, so that changing the
     * test fraction moves rows between splits without changing the points themselves.
     */
    static Rng generator(Rng rng) {
        return rng.split("generate");
    }

    /**
     * Adds N(0, noise²) to every coordinate, after every point is placed and row by row,
     * in the order scikit-learn's make_moons and make_circles draw it.
     */
    static void addNoise(double[][] x, double noise, Rng gen) {
        for (double[] p : x) {
            for (int j = 0; j < p.length; j++) {
                p[j] += noise * gen.nextGaussian();
            }
        }
    }

    /** A classification Dataset of the points {@code x} with class indices {@code labels} among {@code k} classes. */
    static Dataset labeled(double[][] x, int[] labels, int k) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return new Dataset(FlatMatrix.of(x), new FlatMatrix(y.length, 1, y), classNames(k));
    }

    /** {@code all} shuffled with the "split" purpose, the last {@code test} fraction held out. */
    static Splits split(String source, Dataset all, double test, Rng rng) {
        return Splits.holdOutTest(source, all, test, rng.split("split"));
    }
}
