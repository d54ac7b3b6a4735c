package deepgrid.run.grid.search;

import deepgrid.config.Pos;
import java.util.List;
import java.util.Locale;

/**
 * What a search optimises: a metrics.csv column, its direction, and which epoch of a run
 * counts — the best one (as Keras Tuner) or the last one (as Optuna's final value). Epoch 0,
 * the untrained network, never counts.
 *
 * @param allowTest true when {@code allow_test_objective: true} lets a test_* metric be tuned on
 * @param pos       where the objective is written, for the checks that need the bound experiment
 */
public record Objective(String metric, Goal goal, EpochRule epoch, boolean allowTest, Pos pos) {
    /** The metrics.csv columns an objective may name. */
    public static final List<String> METRICS = List.of("val_loss", "val_accuracy", "train_loss", "train_accuracy",
            "test_loss", "test_accuracy");

    /** Which epoch of a run gives its objective. */
    public enum EpochRule {
        BEST, LAST;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A run's objective and the epoch it came from (−1 when there is none: no epoch trained). */
    public record Score(double value, int epoch) {
    }

    /** The natural direction of a metric: losses down, accuracies up. */
    public static Goal naturalGoal(String metric) {
        return metric.endsWith("_accuracy") ? Goal.MAXIMIZE : Goal.MINIMIZE;
    }

    /** True for val_* metrics, which need a validation split. */
    public boolean needsValidation() {
        return metric.startsWith("val_");
    }

    /**
     * The score of a run whose objective metric per epoch is {@code curve} (index = epoch, from
     * 0): the best finite value over epochs 1… (NaN when none is finite), or the last epoch's.
     */
    public Score of(double[] curve) {
        int last = curve.length - 1;
        if (last < 1) {
            return new Score(Double.NaN, -1);
        }
        if (epoch == EpochRule.LAST) {
            return new Score(curve[last], last);
        }
        int best = -1;
        for (int t = 1; t <= last; t++) {
            if (best < 0 ? !Double.isNaN(curve[t]) : goal.better(curve[t], curve[best])) {
                best = t;
            }
        }
        return best < 0 ? new Score(Double.NaN, -1) : new Score(curve[best], best);
    }
}
