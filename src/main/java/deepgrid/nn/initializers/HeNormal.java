package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * He (Kaiming) normal: N(0, 2/fan_in). ReLU zeroes half of its inputs, halving the
 * variance at every layer; doubling Var(W) relative to {@link LecunNormal} keeps the
 * variance of ReLU activations constant from layer to layer (He et al. 2015,
 * arXiv:1502.01852, eq. 10). PyTorch's {@code kaiming_normal_} with its defaults
 * (fan_in, gain √2).
 */
public record HeNormal() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Draw.normal(values, 0.0, Math.sqrt(2.0 / Draw.fan("fanIn", fanIn)), rng);
    }

    @Override
    public String name() {
        return "he_normal";
    }
}
