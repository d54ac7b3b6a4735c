package deepgrid.run;

import java.util.Locale;

/** How a run ended: all epochs (or early-stopped), loss became NaN/infinite, or an error. */
public enum Status {
    COMPLETED, DIVERGED, FAILED;

    /** "completed", as written in runs.csv. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
