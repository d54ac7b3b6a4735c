package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * He (Kaiming) normal: N(0, 2/fan_in), which keeps the variance of ReLU activations
 * constant from layer to layer (He et al. 2015, arXiv:1502.01852); PyTorch's
 * {@code kaiming_normal_} with its defaults (fan_in, gain √2).
 */
public record HeNormal() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = std * rng.nextGaussian();
        }
    }

    @Override
    public String name() {
        return "he_normal";
    }
}
