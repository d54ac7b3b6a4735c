package deepgrid.data.sources;

import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;

/**
 * A large circle around a smaller one, as scikit-learn's {@code make_circles}:
 * ⌊n/2⌋ points (cos a, sin a) of class 0 and the rest factor·(cos a, sin a) of
 * class 1, with a = linspace(0, 2π) without the end point, plus noise·N(0, 1). YAML:
 * {@code samples} in total (200), {@code noise} (0.05), {@code factor} (0.5; scikit-learn's
 * default is 0.8, 0.5 is the value of its examples and leaves a clearer gap),
 * {@code test} (0.2).
 */
public record Circles(int samples, double noise, double factor, double test) implements DataSource {
    /** Points in total: at least one per circle. */
    public static final Range SAMPLES = Range.atLeast(2);
    /** The inner radius relative to the outer: [0, 1). */
    public static final Range FACTOR = Range.from(0, 1);

    public Circles {
        Check.in("samples", samples, SAMPLES);
        Check.in("noise", noise, Synthetic.NOISE);
        Check.in("factor", factor, FACTOR);
        Check.in("test", test, Synthetic.TEST);
    }

    /** 200 points, noise 0.05, factor 0.5, test 0.2. */
    public static Circles defaults() {
        return new Circles(200, 0.05, 0.5, 0.2);
    }

    @Override
    public Splits load(Rng rng) {
        Rng gen = Synthetic.generator(rng);
        int outer = samples / 2;
        int inner = samples - outer;
        double[][] x = new double[samples][];
        int[] labels = new int[samples];
        for (int i = 0; i < outer; i++) {
            double a = 2 * Math.PI * i / outer;
            x[i] = new double[] {Math.cos(a), Math.sin(a)};
        }
        for (int i = 0; i < inner; i++) {
            double a = 2 * Math.PI * i / inner;
            x[outer + i] = new double[] {factor * Math.cos(a), factor * Math.sin(a)};
            labels[outer + i] = 1;
        }
        Synthetic.addNoise(x, noise, gen);
        return Synthetic.split(name(), Synthetic.labeled(x, labels, 2), test, rng);
    }

    @Override
    public DataSize size() {
        return new DataSize(samples, 2);
    }

    @Override
    public String name() {
        return "circles";
    }
}
