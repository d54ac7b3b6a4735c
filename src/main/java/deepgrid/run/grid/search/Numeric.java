package deepgrid.run.grid.search;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A numeric range [low, high] as written in the file (decimals kept exactly, so a step grid
 * yields 0.15, not 0.15000000000000002), with an optional step and a linear or log scale.
 *
 * <p>Samplers and Parzen estimators work in the <em>transformed</em> domain: log of the value
 * on a log scale, and for a discrete range (int, or float with step) the range widened by
 * step/2 on each side so that the end values get whole cells: [low − step/2, high + step/2]
 * (then its logs). A draw u in that domain comes back as a value by
 * {@code low + round((x − low)/step)·step}, clipped to [low, high] (Optuna's rule).
 *
 * @param step null for a continuous float; 1 or more for an int
 */
public record Numeric(Kind kind, Scale scale, BigDecimal low, BigDecimal high, BigDecimal step) implements Domain {
    /** Whether values are integers (written 128) or decimals (written 0.001). */
    public enum Kind { FLOAT, INT }

    /** Linear, or logarithmic (sampled uniformly in log space). */
    public enum Scale { LINEAR, LOG }

    public Numeric {
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
        if (scale == Scale.LOG && (low.signum() <= 0 || step != null && kind == Kind.FLOAT)) {
            throw new IllegalArgumentException("a log scale needs low > 0 and no step");
        }
        if (kind == Kind.INT && step == null || step != null && step.signum() <= 0) {
            throw new IllegalArgumentException("step must be > 0 (1 for an int)");
        }
    }

    public double lo() {
        return low.doubleValue();
    }

    public double hi() {
        return high.doubleValue();
    }

    public boolean isDiscrete() {
        return step != null;
    }

    /** The step as a double, 0 for a continuous range. */
    public double stepSize() {
        return step == null ? 0 : step.doubleValue();
    }

    /** The lower end of the transformed domain: f(low − step/2), f = log or identity. */
    public double internalLow() {
        return toInternal(lo() - stepSize() / 2);
    }

    /** The upper end of the transformed domain: f(high + step/2). */
    public double internalHigh() {
        return toInternal(hi() + stepSize() / 2);
    }

    public double toInternal(double x) {
        return scale == Scale.LOG ? Math.log(x) : x;
    }

    /** A point u of the transformed domain as a value: untransformed, rounded to the step, clipped. */
    public double fromInternal(double u) {
        return snap(scale == Scale.LOG ? Math.exp(u) : u);
    }

    /** {@code x} rounded to the nearest step (half away from zero) and clipped into [low, high]. */
    public double snap(double x) {
        double clipped = Math.min(hi(), Math.max(lo(), x));
        if (step == null) {
            return clipped;
        }
        return value(Math.round((clipped - lo()) / stepSize()));
    }

    /** The cell of a discrete value in the transformed domain: [f(x − step/2), f(x + step/2)]. */
    public double[] cell(double x) {
        return new double[] {toInternal(x - stepSize() / 2), toInternal(x + stepSize() / 2)};
    }

    /** The k-th value of a discrete range, exact in decimal: low + k·step, at most high. */
    public double value(long k) {
        return decimal(k).doubleValue();
    }

    /** A bound or step as the file would write it: 0.00001, 0.1, 512. */
    public static String show(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public long size() {
        if (step == null) {
            return -1;
        }
        return high.subtract(low).divide(step, 0, RoundingMode.FLOOR).longValueExact() + 1;
    }

    /** Where x sits in the transformed range [f(low), f(high)]: 0 at low, 1 at high (0.5 for a single value). */
    public double fraction(double x) {
        double a = toInternal(lo());
        double b = toInternal(hi());
        return b > a ? (toInternal(x) - a) / (b - a) : 0.5;
    }

    @Override
    public String text(double x) {
        if (kind == Kind.INT) {
            return Long.toString(Math.round(x));
        }
        if (step != null) {
            return decimal(Math.round((x - lo()) / stepSize())).toPlainString();
        }
        return Double.toString(x);
    }

    private BigDecimal decimal(long k) {
        BigDecimal v = low.add(step.multiply(BigDecimal.valueOf(k)));
        v = v.min(high).max(low);
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }
}
