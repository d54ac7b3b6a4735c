package deepgrid.data.sources;

import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: ⌊n/2⌋ points
 * (cos a, sin a) of class 0 and the rest (1 − cos a, 0.5 − sin a) of class 1, with
 * a = linspace(0, π) per class, plus noise·N(0, 1) on both coordinates. YAML:
 * {@code samples} in total (200), {@code noise} (0.1, the value of scikit-learn's
 * examples; its own default is none), {@code test} (0.2).
 */
public record Moons(int samples, double noise, double test) implements DataSource {
    /** Points in total: at least one per moon. */
    public static final Range SAMPLES = Range.atLeast(2);

    public Moons {
        Check.in("samples", samples, SAMPLES);
        Check.in("noise", noise, Synthetic.NOISE);
        Check.in("test", test, Synthetic.TEST);
    }

    /** 200 points, noise 0.1, test 0.2. */
    public static Moons defaults() {
        return new Moons(200, 0.1, 0.2);
    }

    @Override
    public Splits load(Rng rng) {
        Rng gen = Synthetic.generator(rng);
        int outer = samples / 2;
        int inner = samples - outer;
        double[][] x = new double[samples][];
        int[] labels = new int[samples];
        for (int i = 0; i < outer; i++) {
            double a = Synthetic.linspace(0, Math.PI, outer, i);
            x[i] = new double[] {Math.cos(a), Math.sin(a)};
        }
        for (int i = 0; i < inner; i++) {
            double a = Synthetic.linspace(0, Math.PI, inner, i);
            x[outer + i] = new double[] {1 - Math.cos(a), 1 - Math.sin(a) - 0.5};
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
        return "moons";
    }
}
