package deepgrid.data.sources;

import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;

/**
 * Isotropic Gaussian clusters, as scikit-learn's {@code make_blobs}: one center per
 * class drawn uniformly from [−10, 10]^features, then ⌊n/K⌋ points per class (the
 * first n mod K classes get one more) drawn from N(center, spread²·I). YAML:
 * {@code classes} (3), {@code samples} in total (300), {@code features} (2),
 * {@code spread} (1.0, the cluster standard deviation), {@code test} (0.2).
 */
public record Blobs(int classes, int samples, int features, double spread, double test) implements DataSource {
    /** At least two clusters. */
    public static final Range CLASSES = Range.atLeast(2);
    /** Points in total, and at least one per class. */
    public static final Range SAMPLES = Range.atLeast(2);
    /** Input dimensions. */
    public static final Range FEATURES = Range.atLeast(1);
    /** The standard deviation of each cluster: ≥ 0 (0 puts every point on its centre). */
    public static final Range SPREAD = Range.atLeast(0);

    public Blobs {
        Check.in("classes", classes, CLASSES);
        Check.in("samples", samples, SAMPLES);
        Check.that(samples >= classes, "samples", samples, "at least one per class (classes: " + classes + ")");
        Check.in("features", features, FEATURES);
        Check.in("spread", spread, SPREAD);
        Check.in("test", test, Synthetic.TEST);
    }

    /** 3 classes, 300 points, 2 features, spread 1.0, test 0.2. */
    public static Blobs defaults() {
        return new Blobs(3, 300, 2, 1.0, 0.2);
    }

    @Override
    public Splits load(Rng rng) {
        Rng gen = Synthetic.generator(rng);
        double[][] centers = new double[classes][features];
        for (double[] center : centers) {
            for (int j = 0; j < features; j++) {
                center[j] = -10 + 20 * gen.nextDouble();
            }
        }
        double[][] x = new double[samples][features];
        int[] labels = new int[samples];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            int count = samples / classes + (k < samples % classes ? 1 : 0);
            for (int i = 0; i < count; i++, row++) {
                for (int j = 0; j < features; j++) {
                    x[row][j] = centers[k][j] + spread * gen.nextGaussian();
                }
                labels[row] = k;
            }
        }
        return Synthetic.split(name(), Synthetic.labeled(x, labels, classes), test, rng);
    }

    @Override
    public DataSize size() {
        return new DataSize(samples, features);
    }

    @Override
    public String name() {
        return "blobs";
    }
}
