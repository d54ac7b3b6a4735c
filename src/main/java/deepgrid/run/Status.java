package deepgrid.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a run ended: all epochs (or early-stopped), loss became NaN/infinite, an error, or
 * stopped early by a search's pruner. A failed run is redone by the next {@code run}; the
 * others are finished.
 */
public enum Status {
    COMPLETED, DIVERGED, FAILED, PRUNED;

    /** "completed", as written in runs.csv. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for every status but failed: the run is not trained again. */
    public boolean isFinished() {
        return this != FAILED;
    }

    /** The status named {@code s} exactly as written in runs.csv; IllegalArgumentException otherwise. */
    public static Status parse(String s) {
        for (Status v : values()) {
            if (v.csvName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a status: " + s);
    }

    /** "completed, diverged, failed or pruned". */
    public static String allowed() {
        String all = Arrays.stream(values()).map(Status::csvName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
