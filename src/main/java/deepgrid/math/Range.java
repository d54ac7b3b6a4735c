package deepgrid.math;

import java.util.Locale;

/**
 * The allowed interval of a number, with the words used in messages ("≥ 0 and < 1"). One
 * range serves the record that checks a value ({@link Check#in}), the binder that reads it
 * from a file and the JSON Schema that editors check it with, so the three cannot disagree.
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    public static Range atLeast(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public static Range above(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** [0, 1). */
    public static Range fraction() {
        return new Range(0, false, 1, true);
    }

    /** [min, max]. */
    public static Range between(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** [min, max). */
    public static Range from(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double v) {
        boolean low = minOpen ? v > min : v >= min;
        boolean high = maxOpen ? v < max : v <= max;
        return low && high;
    }

    /** "≥ 1", "> 0 and < 1", "" for ANY. */
    public String words() {
        String low = Double.isInfinite(min) ? "" : (minOpen ? "> " : "≥ ") + fmt(min);
        String high = Double.isInfinite(max) ? "" : (maxOpen ? "< " : "≤ ") + fmt(max);
        if (low.isEmpty() || high.isEmpty()) {
            return low + high;
        }
        return low + " and " + high;
    }

    /** A number as messages show it: 3, not 3.0; 0.25 as 0.25. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // 1e-8 as YAML and Python write it, not Java's 1.0E-8
        return String.format(Locale.ROOT, "%s", v).replace(".0E", "E").replace("E", "e");
    }
}
