package deepgrid.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" tick marks, whose labels are short round numbers. Linear: the step is 1, 2 or 5
 * times a power of ten, chosen so that about {@code target} intervals cover the range
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990), and the ticks run from
 * the multiple of the step at or below the minimum to the one at or above the maximum, so
 * [0, 0.93] gets 0, 0.2, ..., 1. Log: whole decades from the one at or below the minimum
 * to the one at or above the maximum; with many, every 2nd, 5th, 10th, ... decade, on
 * exponents that are multiples of that step (1e-10, 1, 1e10, ...).
 */
public final class Ticks {
    /** More decades than this and a log axis labels every k-th decade only. */
    private static final int MAX_DECADES = 8;

    private Ticks() {
    }

    /** The nice step for {@code range} split into about {@code target} intervals. */
    public static double niceStep(double range, int target) {
        double raw = range / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /** Ticks covering [lo, hi] (lo &lt; hi) with about {@code target} intervals of a step of at least {@code minStep}. */
    public static List<Double> linear(double lo, double hi, int target, double minStep) {
        double step = Math.max(niceStep(hi - lo, target), minStep);
        long first = (long) Math.floor(lo / step + 1e-9); // 1e-9: 0.6 / 0.2 is 2.9999999999999996
        long last = (long) Math.ceil(hi / step - 1e-9);
        BigDecimal exact = new BigDecimal(Double.toString(step)); // 0.2 as written, not its binary neighbour
        List<Double> ticks = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            ticks.add(exact.multiply(BigDecimal.valueOf(i)).doubleValue());
        }
        return ticks;
    }

    /** Decades covering [lo, hi] (0 &lt; lo &lt; hi): 1e-4, 1e-3, ..., 1. */
    public static List<Double> log(double lo, double hi) {
        int first = (int) Math.floor(Math.log10(lo) + 1e-9);
        int last = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (last == first) {
            last++;
        }
        int every = 1;
        while ((last - first) > every * MAX_DECADES) {
            every = (int) Math.round(niceStep(every * 2.0, 1)); // 1, 2, 5, 10, 20, 50, ...
        }
        first = Math.floorDiv(first, every) * every;
        List<Double> ticks = new ArrayList<>();
        for (int e = first; e < last + every; e += every) {
            ticks.add(Double.parseDouble("1e" + e)); // exact decimal powers: Math.pow(10, -3) is 0.0010000000000000002
        }
        return ticks;
    }
}
