package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * N(mean, std²) with a fixed std that ignores the layer's size. With a std that is too
 * large or too small for the fan-in, activations explode or vanish with depth — the
 * problem the fan-based initializers (Xavier, He, LeCun) solve.
 */
public record Normal(double mean, double std) implements Initializer {
    public Normal {
        Draw.finite("mean", mean);
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("std is " + std + ", expected a finite number > 0");
        }
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
