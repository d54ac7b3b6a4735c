package deepgrid.train;

import deepgrid.math.Check;
import deepgrid.math.Range;

/**
 * Stop when {@code metric} has not improved by more than {@code minDelta} for
 * {@code patience} epochs (Keras' EarlyStopping; weights are not restored).
 */
public record EarlyStopping(Metric metric, int patience, double minDelta) {
    /** What is watched when nothing is said: the validation loss, as Keras. */
    public static final Metric DEFAULT_METRIC = Metric.VAL_LOSS;
    /** Epochs without improvement before stopping, when none is given. */
    public static final int DEFAULT_PATIENCE = 5;
    /** Patience: ≥ 1 epoch. */
    public static final Range PATIENCE = Range.atLeast(1);
    /** The improvement that counts, when none is given (Keras' 0). */
    public static final double DEFAULT_MIN_DELTA = 0.0;
    /** min_delta: ≥ 0. */
    public static final Range MIN_DELTA = Range.atLeast(0);

    /** What early stopping watches; losses improve downwards, accuracies upwards. */
    public enum Metric {
        VAL_LOSS("val_loss", "the validation loss (lower is better)"),
        VAL_ACCURACY("val_accuracy", "the validation accuracy (higher is better)"),
        TRAIN_LOSS("train_loss", "the training loss"),
        TRAIN_ACCURACY("train_accuracy", "the training accuracy");

        private final String yamlName;
        private final String description;

        Metric(String yamlName, String description) {
            this.yamlName = yamlName;
            this.description = description;
        }

        /** One line for the catalogue. */
        public String description() {
            return description;
        }

        public String yamlName() {
            return yamlName;
        }

        /** This metric's value in an epoch's record. */
        public double of(EpochMetrics m) {
            return switch (this) {
                case VAL_LOSS -> m.validation().loss();
                case VAL_ACCURACY -> m.validation().accuracy();
                case TRAIN_LOSS -> m.train().loss();
                case TRAIN_ACCURACY -> m.train().accuracy();
            };
        }

        /** True when {@code a} is better than {@code b} by more than {@code delta}. */
        public boolean improves(double a, double b, double delta) {
            boolean lower = this == VAL_LOSS || this == TRAIN_LOSS;
            return Double.isNaN(b) || (lower ? a < b - delta : a > b + delta);
        }
    }

    public EarlyStopping {
        Check.in("patience", patience, PATIENCE);
        Check.in("min_delta", minDelta, MIN_DELTA);
    }
}
