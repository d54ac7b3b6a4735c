package deepgrid.train;

/**
 * Stop when {@code metric} has not improved by more than {@code minDelta} for
 * {@code patience} epochs (Keras' EarlyStopping; weights are not restored).
 */
public record EarlyStopping(Metric metric, int patience, double minDelta) {
    /** What early stopping watches; losses improve downwards, accuracies upwards. */
    public enum Metric {
        VAL_LOSS("val_loss"), VAL_ACCURACY("val_accuracy"), TRAIN_LOSS("train_loss"), TRAIN_ACCURACY("train_accuracy");

        private final String yamlName;

        Metric(String yamlName) {
            this.yamlName = yamlName;
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
        if (patience < 1) {
            throw new IllegalArgumentException("patience is " + patience + ", expected ≥ 1");
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("min_delta is " + minDelta + ", expected ≥ 0");
        }
    }
}
