package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * The Heaviside step, f(z) = 1 if z ≥ 0 else 0: the threshold unit of the perceptron
 * (Rosenblatt 1958; McCulloch &amp; Pitts 1943). Its derivative is 0 wherever it exists,
 * so backpropagation passes no signal through it: it is here to show why gradient
 * descent needed smooth units, not to train with.
 */
public record Step() implements Activation {
    @Override
    public double apply(double z) {
        return z >= 0 ? 1.0 : 0.0;
    }

    @Override
    public double derivative(double z, double y) {
        return 0.0;
    }

    /** Its kink is at 0. */
    @Override
    public double kinkDistance(double z) {
        return Math.abs(z);
    }

    @Override
    public String name() {
        return "step";
    }
}
