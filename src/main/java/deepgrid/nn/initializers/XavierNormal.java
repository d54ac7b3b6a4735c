package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * Xavier (Glorot) normal: N(0, 2/(fan_in+fan_out)). Glorot & Bengio 2010, "Understanding
 * the difficulty of training deep feedforward neural networks", want Var(W) = 1/fan_in so
 * forward activations keep their variance and Var(W) = 1/fan_out so backward gradients
 * do; the harmonic compromise is 2/(fan_in+fan_out). Suited to tanh/sigmoid (linear
 * around 0), not ReLU (see {@link HeNormal}). Same as PyTorch's {@code xavier_normal_}.
 * Note: many textbooks (e.g. "Deep Learning from Scratch") call std √(1/fan_in)
 * "Xavier"; that is {@link LecunNormal} here.
 */
public record XavierNormal() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        int fans = Draw.fan("fanIn", fanIn) + Draw.fan("fanOut", fanOut);
        Draw.normal(values, 0.0, Math.sqrt(2.0 / fans), rng);
    }

    @Override
    public String name() {
        return "xavier_normal";
    }
}
