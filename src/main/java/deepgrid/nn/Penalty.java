package deepgrid.nn;

import deepgrid.math.Check;
import deepgrid.math.Ops;
import deepgrid.math.Range;
import java.util.List;

/**
 * L1 and L2 weight penalties added to the objective: ½·l2·ΣW² + l1·Σ|W|, over
 * {@link Param.Role#WEIGHT} parameters only — biases, batch-norm scales and shifts are
 * not penalised (as in Goodfellow, Bengio & Courville 2016, §7.1, and Keras'
 * kernel_regularizer). L2 ("weight decay", Krogh & Hertz 1992) pulls every weight
 * towards 0 in proportion to its size; L1 (as in the lasso, Tibshirani 1996) pulls by a
 * constant amount and so drives many weights to exactly 0. The ½ makes the L2 gradient
 * l2·W. Order of use: after backward, {@link #addGradient} before the optimizer step;
 * {@link #value} is reported in its own column, apart from the data loss. The gradient check
 * adds the same penalty to the objective it differentiates ({@link GradientCheck#withPenalty}).
 */
public record Penalty(double l1, double l2) {
    /** A penalty's strength: ≥ 0 (0 is off, the default). Before NONE, which the constructor checks with it. */
    public static final Range STRENGTH = Range.atLeast(0);
    /** No regularization. */
    public static final Penalty NONE = new Penalty(0, 0);

    public Penalty {
        Check.in("l1", l1, STRENGTH);
        Check.in("l2", l2, STRENGTH);
    }

    /** ½·l2·ΣW² + l1·Σ|W| over the weights in {@code params}. */
    public double value(List<Param> params) {
        double sumOfSquares = 0;
        double sumOfAbs = 0;
        for (Param p : params) {
            if (p.role() == Param.Role.WEIGHT) {
                sumOfSquares += Ops.sumOfSquares(p.value());
                for (double w : p.value().data()) {
                    sumOfAbs += Math.abs(w);
                }
            }
        }
        return 0.5 * l2 * sumOfSquares + l1 * sumOfAbs;
    }

    /**
     * Adds the penalty's gradient l2·W + l1·sign(W) to the weights' grads. At W = 0 the
     * L1 term uses the subgradient 0 (sign(0) = 0, as PyTorch's autograd does for |x|).
     */
    public void addGradient(List<Param> params) {
        if (l1 == 0 && l2 == 0) {
            return; // called on every batch: without a penalty, skip the pass over every weight
        }
        for (Param p : params) {
            if (p.role() == Param.Role.WEIGHT) {
                double[] w = p.value().data();
                double[] dW = p.grad().data();
                for (int i = 0; i < w.length; i++) {
                    dW[i] += l2 * w[i] + l1 * Math.signum(w[i]);
                }
            }
        }
    }
}
