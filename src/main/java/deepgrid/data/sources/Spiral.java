package deepgrid.data.sources;

import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;

/**
 * K interleaved spirals, the toy set of the CS231n notes ("Putting it together:
 * minimal neural network case study"): for class k, r = linspace(0, 1, N) and
 * t = linspace(4k, 4(k+1), N) + noise·N(0, 1), the point is (r·sin t, r·cos t).
 * Not linearly separable, so a linear classifier stalls near 1/K accuracy while one
 * hidden layer solves it. YAML: {@code classes} (3), {@code samples} per class (100),
 * {@code noise} (0.2), {@code test} (0.2).
 */
public record Spiral(int classes, int samples, double noise, double test) implements DataSource {
    /** At least two spirals. */
    public static final Range CLASSES = Range.atLeast(2);
    /** Points per spiral. */
    public static final Range SAMPLES = Range.atLeast(1);

    public Spiral {
        Check.in("classes", classes, CLASSES);
        Check.in("samples", samples, SAMPLES);
        Check.in("noise", noise, Synthetic.NOISE);
        Check.in("test", test, Synthetic.TEST);
    }

    /** The CS231n defaults: 3 classes of 100 points, noise 0.2, test 0.2. */
    public static Spiral defaults() {
        return new Spiral(3, 100, 0.2, 0.2);
    }

    @Override
    public Splits load(Rng rng) {
        Rng gen = Synthetic.generator(rng);
        int n = classes * samples;
        double[][] x = new double[n][];
        int[] labels = new int[n];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < samples; i++) {
                double r = Synthetic.linspace(0, 1, samples, i);
                double t = Synthetic.linspace(4.0 * k, 4.0 * (k + 1), samples, i) + noise * gen.nextGaussian();
                x[k * samples + i] = new double[] {r * Math.sin(t), r * Math.cos(t)};
                labels[k * samples + i] = k;
            }
        }
        return Synthetic.split(name(), Synthetic.labeled(x, labels, classes), test, rng);
    }

    @Override
    public DataSize size() {
        return new DataSize((long) classes * samples, 2);
    }

    @Override
    public String name() {
        return "spiral";
    }
}
