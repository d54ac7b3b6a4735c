package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/** Rectified linear unit, max(0, z) (Nair &amp; Hinton 2010). The derivative at 0 is taken as 0, as in PyTorch. */
public record Relu() implements Activation {
    @Override
    public double apply(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1.0 : 0.0;
    }

    @Override
    public String name() {
        return "relu";
    }
}
