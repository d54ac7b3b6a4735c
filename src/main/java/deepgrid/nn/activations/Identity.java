package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * The identity, f(z) = z: a linear unit. Used for regression outputs and to show
 * that a stack of linear layers without a nonlinearity is still one linear map.
 */
public record Identity() implements Activation {
    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double y) {
        return 1.0;
    }

    @Override
    public String name() {
        return "identity";
    }
}
