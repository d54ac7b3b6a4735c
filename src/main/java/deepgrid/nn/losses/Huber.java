package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.nn.TargetKind;

/**
 * The Huber loss, as PyTorch's {@code HuberLoss(delta)}: for d = y − t, ½d² where |d| ≤ δ
 * and δ(|d| − ½δ) beyond, averaged over all elements; identity output. Quadratic (like mse)
 * near the target, linear (like mae, slope ±δ) far from it, so outliers pull with a bounded
 * force. Keras' {@code Huber} is the same function. Its slope is continuous, so it has no kink.
 */
public record Huber(double delta) implements Elementwise {
    /** δ when none is given: PyTorch's and Keras' 1.0. */
    public static final double DEFAULT_DELTA = 1.0;
    /** δ: a finite number > 0 (PyTorch refuses δ ≤ 0). */
    public static final Range DELTA = Range.above(0);

    public Huber {
        Check.in("delta", delta, DELTA);
    }

    @Override
    public double term(double s, double t) {
        double a = Math.abs(s - t);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    @Override
    public double slope(double s, double t) {
        double d = s - t;
        return Math.abs(d) <= delta ? d : delta * Math.signum(d);
    }

    @Override
    public TargetKind targets() {
        return TargetKind.ANY;
    }

    @Override
    public String name() {
        return "huber";
    }
}
