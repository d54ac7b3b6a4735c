package deepgrid.config;

import java.util.Locale;

/** The allowed interval of a number, with the words used in messages ("a number > 0"). */
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

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
