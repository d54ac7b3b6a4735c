package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * Sigmoid-weighted linear unit, f(z) = z·σ(z) (Elfwing, Uchibe &amp; Doya 2017,
 * arXiv:1702.03118; called "Swish" by Ramachandran et al. 2017). Smooth and
 * non-monotonic, it behaves like ReLU for large |z| but lets small negative values through.
 */
public record Silu() implements Activation {
    @Override
    public double apply(double z) {
        return z * Sigmoid.logistic(z);
    }

    /** f'(z) = σ(z)(1 + z(1 − σ(z))) = σ(z) + y(1 − σ(z)). */
    @Override
    public double derivative(double z, double y) {
        double s = Sigmoid.logistic(z);
        return s + y * (1.0 - s);
    }

    @Override
    public String name() {
        return "silu";
    }
}
