package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * LeCun normal: N(0, 1/fan_in). With unit-variance inputs each pre-activation then has
 * unit variance, the recommendation of LeCun, Bottou, Orr & Müller 1998, "Efficient
 * BackProp", for symmetric sigmoids such as tanh. Same as PyTorch's
 * {@code kaiming_normal_(nonlinearity='linear')}.
 */
public record LecunNormal() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Draw.normal(values, 0.0, Math.sqrt(1.0 / Draw.fan("fanIn", fanIn)), rng);
    }

    @Override
    public String name() {
        return "lecun_normal";
    }
}
