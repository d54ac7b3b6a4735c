package deepgrid.data.sources;

import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import java.util.List;

/**
 * One-dimensional regression: x uniform in [−π, π], y = sin(x) + noise·N(0, 1), so a
 * perfect model still has mean squared error noise². YAML: {@code samples} (200),
 * {@code noise} (0.1), {@code test} (0.2).
 */
public record Sine(int samples, double noise, double test) implements DataSource {
    /** Points in total: at least two, so a split can leave one to train on. */
    public static final Range SAMPLES = Range.atLeast(2);

    public Sine {
        Check.in("samples", samples, SAMPLES);
        Check.in("noise", noise, Synthetic.NOISE);
        Check.in("test", test, Synthetic.TEST);
    }

    /** 200 points, noise 0.1, test 0.2. */
    public static Sine defaults() {
        return new Sine(200, 0.1, 0.2);
    }

    @Override
    public Splits load(Rng rng) {
        Rng gen = Synthetic.generator(rng);
        double[] x = new double[samples];
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = -Math.PI + 2 * Math.PI * gen.nextDouble();
            y[i] = Math.sin(x[i]) + noise * gen.nextGaussian();
        }
        Dataset all = new Dataset(new FlatMatrix(samples, 1, x), new FlatMatrix(samples, 1, y), List.of());
        return Synthetic.split(name(), all, test, rng);
    }

    @Override
    public DataSize size() {
        return new DataSize(samples, 1);
    }

    @Override
    public String name() {
        return "sine";
    }
}
