package deepgrid.report.html;

import java.util.List;

/**
 * One axis of a chart: its scale, its domain [lo, hi] and the ticks that mark it. The
 * domain is widened to the outer ticks, so every line starts and ends on a labelled value.
 */
public record Axis(Scale scale, double lo, double hi, List<Double> ticks) {
    private static final int TARGET_TICKS = 5;

    public Axis {
        ticks = List.copyOf(ticks);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("axis domain [" + lo + ", " + hi + "] is empty");
        }
    }

    /**
     * The axis for values from {@code min} to {@code max} (NaN when there are none). A single
     * value gets room around it; a log axis with nothing positive to show spans 1e-3 to 1.
     */
    public static Axis fit(Scale scale, double min, double max) {
        if (scale == Scale.LOG) {
            boolean none = !(min > 0);
            List<Double> ticks = none ? Ticks.log(1e-3, 1) : Ticks.log(min, max);
            return new Axis(scale, ticks.get(0), ticks.get(ticks.size() - 1), ticks);
        }
        if (Double.isNaN(min)) {
            return fit(scale, 0, 1);
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return fit(scale, min - pad, max + pad);
        }
        return fromTicks(scale, Ticks.linear(min, max, TARGET_TICKS, 0));
    }

    /** An epoch axis from 0 to {@code last}, ticked at whole epochs only. */
    public static Axis epochs(int last) {
        return fromTicks(Scale.LINEAR, Ticks.linear(0, Math.max(last, 1), TARGET_TICKS + 1, 1));
    }

    /** Where {@code v} lies along the axis: 0 at lo, 1 at hi, outside [0, 1] beyond them. */
    public double fraction(double v) {
        double t0 = scale.transform(lo);
        return (scale.transform(v) - t0) / (scale.transform(hi) - t0);
    }

    private static Axis fromTicks(Scale scale, List<Double> ticks) {
        return new Axis(scale, ticks.get(0), ticks.get(ticks.size() - 1), ticks);
    }
}
