package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * He (Kaiming) uniform: U[−√(6/fan_in), √(6/fan_in)), variance 2/fan_in like
 * {@link HeNormal} (He et al. 2015, arXiv:1502.01852). PyTorch's {@code kaiming_uniform_}
 * with nonlinearity='relu' (gain √2); note that PyTorch's own {@code nn.Linear} default
 * uses a = √5 instead, which gives limit √(1/fan_in).
 */
public record HeUniform() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        double limit = Math.sqrt(6.0 / Draw.fan("fanIn", fanIn));
        Draw.uniform(values, -limit, limit, rng);
    }

    @Override
    public String name() {
        return "he_uniform";
    }
}
