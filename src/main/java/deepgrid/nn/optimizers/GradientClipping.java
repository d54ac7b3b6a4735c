package deepgrid.nn.optimizers;

import deepgrid.math.Check;
import deepgrid.math.Ops;
import deepgrid.math.Range;
import deepgrid.nn.Param;
import java.util.List;

/**
 * Gradient clipping by global norm (Pascanu, Mikolov & Bengio 2013, arXiv:1211.5063):
 * when the gradient of all parameters together is longer than a threshold, shrink it to
 * that length, keeping its direction. It tames the rare huge steps that throw a run off
 * a cliff of the loss surface. YAML {@code training.clip_grad_norm}.
 */
public final class GradientClipping {
    /** PyTorch's guard against dividing by a zero norm; it also clips a norm just under maxNorm a hair. */
    private static final double EPS = 1e-6;

    private GradientClipping() {
    }

    /**
     * PyTorch's {@code clip_grad_norm_(params, maxNorm)}: the L2 norm of all grads taken
     * together; every grad is multiplied by min(1, maxNorm/(norm + 10⁻⁶)). Call after
     * backward (and after {@link deepgrid.nn.Penalty#addGradient}), before the optimizer step.
     *
     * @return the norm before clipping; NaN or infinite if some grad is, and then the
     *         grads are not finite either, so the run will be marked diverged
     */
    /** The largest global norm kept as it is: a finite number > 0. */
    public static final Range MAX_NORM = Range.above(0);

    public static double clipByGlobalNorm(List<Param> params, double maxNorm) {
        Check.in("maxNorm", maxNorm, MAX_NORM);
        double sumOfSquares = 0;
        for (Param p : params) {
            sumOfSquares += Ops.sumOfSquares(p.grad());
        }
        double norm = Math.sqrt(sumOfSquares);
        double coefficient = maxNorm / (norm + EPS);
        if (coefficient < 1 || Double.isNaN(coefficient)) {
            for (Param p : params) {
                double[] g = p.grad().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= coefficient;
                }
            }
        }
        return norm;
    }
}
