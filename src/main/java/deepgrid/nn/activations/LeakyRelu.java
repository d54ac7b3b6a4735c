package deepgrid.nn.activations;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.nn.Activation;

/**
 * Leaky ReLU, f(z) = z for z &gt; 0 and α·z otherwise (Maas, Hannun &amp; Ng 2013,
 * "Rectifier Nonlinearities Improve Neural Network Acoustic Models"). The small slope α
 * keeps a gradient flowing through negative inputs, so units cannot "die" as ReLUs can.
 * PyTorch's default α is 0.01 (the YAML default is applied where the file is read).
 */
public record LeakyRelu(double alpha) implements Activation {
    /** α when none is given (PyTorch's). */
    public static final double DEFAULT_ALPHA = 0.01;
    /** α: a finite number ≥ 0. */
    public static final Range ALPHA = Range.atLeast(0);

    public LeakyRelu {
        Check.in("alpha", alpha, ALPHA);
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : alpha * z;
    }

    /** 1 for z &gt; 0, α otherwise (at 0 the left slope, as PyTorch). */
    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1.0 : alpha;
    }

    /** Its kink is at 0. */
    @Override
    public double kinkDistance(double z) {
        return Math.abs(z);
    }

    @Override
    public String name() {
        return "leaky_relu";
    }
}
