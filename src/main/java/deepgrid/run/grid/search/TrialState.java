package deepgrid.run.grid.search;

import java.util.Locale;

/**
 * How a trial's run ended, as the samplers and pruners see it: trained all its epochs (or
 * stopped early by early stopping), stopped by the pruner, diverged (NaN loss), or failed
 * (an error). Failed trials count as ended (the window moves on) but teach the model nothing.
 */
public enum TrialState {
    COMPLETED, PRUNED, DIVERGED, FAILED;

    /** True for the states TPE learns from and pruners compare with. */
    public boolean informs() {
        return this != FAILED;
    }

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
