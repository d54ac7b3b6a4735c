package deepgrid.train;

/**
 * One row of metrics.csv. Epoch 0 is the network before any update. Losses are the
 * data loss alone; the weight penalty has its own value. {@code seconds} is the time
 * of the epoch's gradient steps, {@code evalSeconds} of its evaluation passes.
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, SplitMetrics test,
        double penalty, double lr, Timing timing) {
    /** Wall-clock seconds spent training and evaluating in this epoch. */
    public record Timing(double seconds, double evalSeconds) {
    }
}
