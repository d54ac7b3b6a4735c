package deepgrid.train;

import java.util.List;

/**
 * One activation layer's outputs on the probe batch at one epoch, counted into the fixed
 * bins of its activation ({@link HistogramBins}): {@code counts[i]} values fell in {@code bins[i]}.
 * {@code layer} is the position in the pipeline (1 = first), as in layers.csv.
 */
public record Histogram(int epoch, int layer, String kind, List<HistogramBins.Bin> bins, long[] counts) {
    public Histogram {
        bins = List.copyOf(bins);
        counts = counts.clone();
        if (bins.size() != counts.length) {
            throw new IllegalArgumentException(bins.size() + " bins but " + counts.length + " counts");
        }
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
