package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * The hyperbolic tangent, tanh(z) = 2σ(2z) − 1, squashing z into (−1, 1). Being zero
 * centred it usually trains faster than the sigmoid (LeCun et al., "Efficient
 * BackProp", 1998), but it saturates just the same.
 */
public record Tanh() implements Activation {
    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    /** tanh'(z) = 1 − tanh²(z). */
    @Override
    public double derivative(double z, double y) {
        return 1.0 - y * y;
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public boolean saturates() {
        return true;
    }

    @Override
    public boolean isSaturated(double y) {
        return Math.abs(y) > 0.99; // tanh'(z) = 1 − y² < 0.02
    }
}
