package deepgrid.nn.losses;

import deepgrid.nn.TargetKind;

/**
 * log(cosh(y − t)) averaged over all elements, as Keras' {@code log_cosh}; identity output.
 * About ½d² for small d and |d| − log 2 for large d: a smooth Huber with δ = 1. Computed as
 * |d| + log1p(e^(−2|d|)) − log 2, which never overflows (cosh(d) does beyond |d| ≈ 710);
 * the gradient is tanh(d)/(batch·k).
 */
public record LogCosh() implements Elementwise {
    private static final double LOG2 = Math.log(2.0);

    @Override
    public double term(double s, double t) {
        double a = Math.abs(s - t);
        return a + Math.log1p(Math.exp(-2.0 * a)) - LOG2;
    }

    @Override
    public double slope(double s, double t) {
        return Math.tanh(s - t);
    }

    @Override
    public TargetKind targets() {
        return TargetKind.ANY;
    }

    @Override
    public String name() {
        return "log_cosh";
    }
}
