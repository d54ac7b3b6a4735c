package deepgrid.run.grid.search;

import java.util.Comparator;
import java.util.Locale;

/** Whether the objective should go up (accuracy) or down (loss). A NaN value is worse than any number. */
public enum Goal {
    MAXIMIZE, MINIMIZE;

    /** True when {@code a} is strictly better than {@code b}; NaN is never better, and every number beats NaN. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** Orders values best first, NaN last. */
    public Comparator<Double> bestFirst() {
        return (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0;
    }

    /** "maximize", as written in the file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
