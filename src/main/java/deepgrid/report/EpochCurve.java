package deepgrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric per epoch for a grid point: the mean over its runs and the band from the
 * lowest to the highest run. Each epoch averages the runs that have a value there, so when
 * runs stopped at different epochs (early stopping) the later epochs average fewer runs.
 */
record EpochCurve(double[] epochs, double[] mean, double[] low, double[] high) {

    /** The curve of {@code column} over the metrics.csv rows of several runs. */
    static EpochCurve of(List<List<Map<String, String>>> runs, String column) {
        TreeMap<Double, List<Double>> byEpoch = new TreeMap<>();
        for (List<Map<String, String>> rows : runs) {
            for (Map<String, String> row : rows) {
                double epoch = RunFiles.number(row, "epoch");
                double v = RunFiles.number(row, column);
                if (!Double.isNaN(epoch) && Double.isFinite(v)) {
                    byEpoch.computeIfAbsent(epoch, e -> new ArrayList<>()).add(v);
                }
            }
        }
        int n = byEpoch.size();
        double[] epochs = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int i = 0;
        for (var e : byEpoch.entrySet()) {
            epochs[i] = e.getKey();
            mean[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            low[i] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            high[i] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            i++;
        }
        return new EpochCurve(epochs, mean, low, high);
    }

    /** One run's values as they are, NaN and infinities included (a diverged run's last epochs). */
    static EpochCurve single(List<Map<String, String>> rows, String column) {
        double[] epochs = rows.stream().mapToDouble(r -> RunFiles.number(r, "epoch")).toArray();
        double[] values = rows.stream().mapToDouble(r -> RunFiles.number(r, column)).toArray();
        return new EpochCurve(epochs, values, new double[0], new double[0]);
    }

    boolean isEmpty() {
        return java.util.Arrays.stream(mean).noneMatch(Double::isFinite);
    }

    /** Whether any epoch averages more than one run, so that a band means something. */
    boolean hasSpread() {
        for (int i = 0; i < low.length; i++) {
            if (low[i] != high[i]) {
                return true;
            }
        }
        return false;
    }
}
