package deepgrid.train;

/**
 * How one training ended: {@code epochs} trained, the epoch that was best on the
 * watched metric and its record, the last record, and for a diverged run the reason.
 */
public record TrainResult(Outcome outcome, int epochs, EpochMetrics best, EpochMetrics last, String reason) {
    /**
     * Completed (all epochs, or stopped early), diverged (the loss became NaN or infinite), or
     * pruned (a {@link StopCheck} stopped it: a search judged it hopeless).
     */
    public enum Outcome { COMPLETED, DIVERGED, PRUNED }
}
