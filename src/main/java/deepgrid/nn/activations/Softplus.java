package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * Softplus, f(z) = log(1 + e^z): a smooth ReLU whose derivative is the sigmoid
 * (Dugas et al. 2001; used as a rectifier by Glorot, Bordes &amp; Bengio 2011). PyTorch's
 * {@code Softplus} with β = 1; computed exactly rather than with its linear cut-off at z &gt; 20.
 */
public record Softplus() implements Activation {
    @Override
    public double apply(double z) {
        // log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)): exp() never sees a positive number
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** f'(z) = σ(z). */
    @Override
    public double derivative(double z, double y) {
        return Sigmoid.logistic(z);
    }

    @Override
    public String name() {
        return "softplus";
    }
}
