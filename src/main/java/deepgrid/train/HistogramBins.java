package deepgrid.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed bins of an activation's histogram, the same in every run so that runs compare
 * bin for bin. {@code n} equal bins over the activation's range: sigmoid and step [0, 1],
 * tanh [−1, 1], the ReLU family [0, {@value #RELU_BOUND}] with an overflow bin above (and,
 * for those that can go negative — leaky_relu, elu, gelu, silu — an underflow bin below 0),
 * identity [−{@value #RELU_BOUND}, {@value #RELU_BOUND}] with both. ReLU's exact zeros
 * (every negative input) have a bin of their own, [0, 0], so that the spike at 0 does not
 * hide the shape of the rest. A bin counts low ≤ v &lt; high; the last regular bin also
 * counts v = high. Non-finite values are not counted.
 */
public final class HistogramBins {
    /** The upper edge of the ReLU family's regular bins: outputs above it go to the overflow bin. */
    public static final double RELU_BOUND = 5.0;

    /** One bin: its edges (infinite for an overflow or underflow bin). */
    public record Bin(double low, double high) {
    }

    private final double lo;
    private final double hi;
    private final int n;
    private final boolean zeroBin;
    private final boolean under;
    private final boolean over;
    private final List<Bin> bins = new ArrayList<>();

    private HistogramBins(double lo, double hi, int n, Extra... extras) {
        this.lo = lo;
        this.hi = hi;
        this.n = n;
        List<Extra> e = List.of(extras);
        this.zeroBin = e.contains(Extra.ZERO);
        this.under = e.contains(Extra.UNDER);
        this.over = e.contains(Extra.OVER);
        if (under) {
            bins.add(new Bin(Double.NEGATIVE_INFINITY, lo));
        }
        if (zeroBin) {
            bins.add(new Bin(0, 0));
        }
        for (int i = 0; i < n; i++) {
            bins.add(new Bin(edge(i), edge(i + 1)));
        }
        if (over) {
            bins.add(new Bin(hi, Double.POSITIVE_INFINITY));
        }
    }

    /** Bins besides the regular ones. */
    private enum Extra { ZERO, UNDER, OVER }

    /** The bins for the activation named {@code activation} (its YAML name), {@code n} regular ones. */
    public static HistogramBins of(String activation, int n) {
        return switch (activation) {
            case "sigmoid", "step" -> new HistogramBins(0, 1, n);
            case "tanh" -> new HistogramBins(-1, 1, n);
            case "relu" -> new HistogramBins(0, RELU_BOUND, n, Extra.ZERO, Extra.OVER);
            case "softplus" -> new HistogramBins(0, RELU_BOUND, n, Extra.OVER);
            case "leaky_relu", "elu", "gelu", "silu" -> new HistogramBins(0, RELU_BOUND, n, Extra.UNDER, Extra.OVER);
            default -> new HistogramBins(-RELU_BOUND, RELU_BOUND, n, Extra.UNDER, Extra.OVER);
        };
    }

    public List<Bin> bins() {
        return List.copyOf(bins);
    }

    /** Counts the finite values of {@code values} into these bins. */
    public long[] count(double[] values) {
        long[] counts = new long[bins.size()];
        int first = (under ? 1 : 0) + (zeroBin ? 1 : 0);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            if (zeroBin && v == 0.0) {
                counts[under ? 1 : 0]++;
            } else if (v < lo) {
                if (under) {
                    counts[0]++;
                } else {
                    counts[first]++; // below a closed range only by rounding (σ(z) is never < 0)
                }
            } else if (v > hi) {
                counts[over ? counts.length - 1 : first + n - 1]++;
            } else {
                counts[first + Math.min(n - 1, (int) ((v - lo) / (hi - lo) * n))]++;
            }
        }
        return counts;
    }

    private double edge(int i) {
        return i == n ? hi : lo + (hi - lo) * i / n;
    }
}
