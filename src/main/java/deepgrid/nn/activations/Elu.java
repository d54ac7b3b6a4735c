package deepgrid.nn.activations;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.nn.Activation;

/**
 * Exponential linear unit, f(z) = z for z &gt; 0 and α(e^z − 1) otherwise (Clevert,
 * Unterthiner &amp; Hochreiter 2015, arXiv:1511.07289). Negative outputs push the mean
 * activation towards zero, and the unit saturates smoothly at −α instead of dying.
 * PyTorch's default α is 1.0.
 */
public record Elu(double alpha) implements Activation {
    /** α when none is given (PyTorch's). */
    public static final double DEFAULT_ALPHA = 1.0;
    /** α: a finite number ≥ 0. */
    public static final Range ALPHA = Range.atLeast(0);

    public Elu {
        Check.in("alpha", alpha, ALPHA);
    }

    @Override
    public double apply(double z) {
        // expm1 keeps the precision of e^z − 1 for z near 0
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    /** 1 for z &gt; 0, α·e^z otherwise. */
    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }

    /** At 0 the slope jumps from α to 1, a kink unless α = 1. */
    @Override
    public double kinkDistance(double z) {
        return alpha == 1.0 ? Double.POSITIVE_INFINITY : Math.abs(z);
    }

    @Override
    public String name() {
        return "elu";
    }
}
