package deepgrid.train;

/** Loss and accuracy of the network on one split; NaN where there is no such split or no accuracy. */
public record SplitMetrics(double loss, double accuracy) {
    public static final SplitMetrics NONE = new SplitMetrics(Double.NaN, Double.NaN);
}
