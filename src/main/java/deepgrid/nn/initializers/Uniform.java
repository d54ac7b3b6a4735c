package deepgrid.nn.initializers;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * U[low, high) with fixed bounds that ignore the layer's size (see {@link Normal} for
 * why that matters). YAML: {@code {low, high}}, or {@code {limit}} for U[−limit, limit).
 */
public record Uniform(double low, double high) implements Initializer {
    /** The limit of U[−limit, limit) when neither limit nor low and high are given. */
    public static final double DEFAULT_LIMIT = 0.05;
    /** A limit: a finite number > 0. */
    public static final Range LIMIT = Range.above(0);

    public Uniform {
        Draw.finite("low", low);
        Draw.finite("high", high);
        Check.that(low < high, "high", Range.fmt(high), "a number > low (" + Range.fmt(low) + ")");
    }

    /** U[−limit, limit), the YAML form {@code {limit}}. */
    public static Uniform symmetric(double limit) {
        Check.in("limit", limit, LIMIT);
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
