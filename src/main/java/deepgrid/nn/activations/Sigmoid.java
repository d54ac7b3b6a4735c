package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * The logistic sigmoid, σ(z) = 1 / (1 + e^(−z)), squashing z into (0, 1): the classic
 * unit of early backpropagation nets (Rumelhart, Hinton &amp; Williams 1986). Its slope
 * is at most 1/4 and vanishes when |z| is large, which is why deep sigmoid nets
 * train slowly — one of the effects deepgrid is meant to show.
 */
public record Sigmoid() implements Activation {
    @Override
    public double apply(double z) {
        return logistic(z);
    }

    /** σ'(z) = σ(z)(1 − σ(z)), written as e / (1 + e)² with e = e^(−|z|) so it keeps its precision in the tails. */
    @Override
    public double derivative(double z, double y) {
        double e = Math.exp(-Math.abs(z));
        return e / ((1.0 + e) * (1.0 + e));
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    /** σ(z) for any z; shared with the losses and activations that are built on it. */
    public static double logistic(double z) {
        // exp() of a negative number only, so it cannot overflow for z = ±1000
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public boolean saturates() {
        return true;
    }

    @Override
    public boolean isSaturated(double y) {
        return y < 0.01 || y > 0.99; // σ'(z) < 0.0099, under 4% of its peak 0.25
    }
}
