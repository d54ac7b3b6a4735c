package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.List;

/**
 * AdamW (Loshchilov & Hutter 2017, arXiv:1711.05101): Adam with decoupled weight decay.
 * An L2 penalty added to the loss would pass through Adam's per-parameter scaling and
 * decay large-gradient weights less; AdamW instead shrinks θ directly, then takes a
 * plain {@link Adam} step. PyTorch's {@code AdamW}: θ ← θ·(1 − lr·λ), then Adam. As in
 * PyTorch (with a single parameter group), the decay applies to every parameter —
 * biases and batch-norm scales included — unlike {@link deepgrid.nn.Penalty}, which touches weights
 * only; and it is multiplied by the current (scheduled) lr.
 */
public final class AdamW implements Optimizer {
    private final double weightDecay;
    private final Adam adam;

    public AdamW(OptimizerSpec.AdamW spec) {
        this.weightDecay = spec.weightDecay();
        this.adam = new Adam(spec.adam());
    }

    @Override
    public void step(List<Param> params, double lr) {
        double shrink = 1 - lr * weightDecay;
        for (Param p : params) {
            double[] theta = p.value().data();
            for (int i = 0; i < theta.length; i++) {
                theta[i] *= shrink;
            }
        }
        adam.step(params, lr);
    }
}
