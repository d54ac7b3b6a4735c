package deepgrid.nn.initializers;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * N(mean, std²) with a fixed std that ignores the layer's size. With a std that is too
 * large or too small for the fan-in, activations explode or vanish with depth — the
 * problem the fan-based initializers (Xavier, He, LeCun) solve.
 */
public record Normal(double mean, double std) implements Initializer {
    /** The mean when none is given. */
    public static final double DEFAULT_MEAN = 0.0;
    /** The standard deviation when none is given (a small fixed value, as in many courses). */
    public static final double DEFAULT_STD = 0.01;
    /** A standard deviation: a finite number > 0. */
    public static final Range STD = Range.above(0);

    public Normal {
        Draw.finite("mean", mean);
        Check.in("std", std, STD);
    }

    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Draw.normal(values, mean, std, rng);
    }

    @Override
    public String name() {
        return "normal";
    }
}
