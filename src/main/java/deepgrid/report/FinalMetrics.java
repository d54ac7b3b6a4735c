package deepgrid.report;

import java.util.List;

/** The final metrics that summary.csv and comparisons.csv describe, most asked-about first. */
public final class FinalMetrics {
    /** Test before validation before training: the test split is what a study reports. */
    public static final List<String> ALL = List.of("test_accuracy", "test_loss", "val_accuracy", "val_loss",
            "train_accuracy", "train_loss");

    private FinalMetrics() {
    }

    /** The metrics that have a value in at least one run; an experiment without validation has no val_* columns. */
    public static List<String> present(List<RunRow> runs) {
        return ALL.stream().filter(m -> runs.stream().anyMatch(r -> !Double.isNaN(r.metric(m)))).toList();
    }
}
