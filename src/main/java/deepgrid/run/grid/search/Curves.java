package deepgrid.run.grid.search;

import deepgrid.run.Status;
import java.util.List;
import java.util.Map;

/**
 * A run as the search sees it, from what {@code Outcomes} reads back: its status and its
 * metrics.csv rows (epoch 0 first). An empty cell, NaN or a malformed one is NaN, as
 * metrics.csv writes a missing or undefined value.
 */
public final class Curves {
    private Curves() {
    }

    /** The trial state of a run status. */
    public static TrialState state(Status status) {
        return switch (status) {
            case COMPLETED -> TrialState.COMPLETED;
            case DIVERGED -> TrialState.DIVERGED;
            case PRUNED -> TrialState.PRUNED;
            case FAILED -> TrialState.FAILED;
        };
    }

    /** The run's objective metric per epoch, {@code metric} being a metrics.csv column (val_accuracy). */
    public static TrialResult.RunCurve of(Status status, List<Map<String, String>> rows, String metric) {
        double[] curve = new double[rows.size()];
        for (int t = 0; t < curve.length; t++) {
            curve[t] = value(rows.get(t).get(metric));
        }
        return new TrialResult.RunCurve(state(status), curve);
    }

    /** A metrics.csv cell as the search reads it: empty, NaN or malformed is NaN. */
    public static double value(String cell) {
        if (cell == null || cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN; // a hand-edited cell: no value rather than a crash of the whole search
        }
    }
}
