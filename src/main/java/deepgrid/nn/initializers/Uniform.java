package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * U[low, high) with fixed bounds that ignore the layer's size (see {@link Normal} for
 * why that matters). YAML: {@code {low, high}}, or {@code {limit}} for U[−limit, limit).
 */
public record Uniform(double low, double high) implements Initializer {
    public Uniform {
        Draw.finite("low", low);
        Draw.finite("high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException("low is " + low + " and high is " + high + ", expected low < high");
        }
    }

    /** U[−limit, limit), the YAML form {@code {limit}}. */
    public static Uniform symmetric(double limit) {
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit is " + limit + ", expected a finite number > 0");
        }
        return new Uniform(-limit, limit);
    }

    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Draw.uniform(values, low, high, rng);
    }

    @Override
    public String name() {
        return "uniform";
    }
}
