package deepgrid.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric per epoch for a grid point: the mean over its runs and the band from the
 * lowest to the highest run. Each epoch averages the runs that have a value there, so when
 * runs stopped at different epochs (early stopping) the later epochs average fewer runs.
 */
record EpochCurve(double[] epochs, double[] mean, double[] low, double[] high) {

    /** One run's metrics.csv as numbers: its epochs, and each column's value per row (NaN: empty or not a number). */
    record Run(double[] epochs, Map<String, double[]> values) {
        static Run of(List<Map<String, String>> rows, List<String> columns) {
            double[] epochs = rows.stream().mapToDouble(r -> RunFiles.number(r, "epoch")).toArray();
            Map<String, double[]> values = new java.util.HashMap<>();
            for (String c : columns) {
                values.put(c, rows.stream().mapToDouble(r -> RunFiles.number(r, c)).toArray());
            }
            return new Run(epochs, values);
        }

        double[] column(String name) {
            return values.getOrDefault(name, new double[epochs.length]);
        }
    }

    /** The curve of {@code column} over several runs. */
    static EpochCurve of(List<Run> runs, String column) {
        TreeMap<Double, double[]> byEpoch = new TreeMap<>(); // epoch → {sum, count, min, max}
        for (Run run : runs) {
            double[] values = run.column(column);
            for (int i = 0; i < run.epochs().length; i++) {
                double epoch = run.epochs()[i];
                double v = values[i];
                if (!Double.isNaN(epoch) && Double.isFinite(v)) {
                    double[] acc = byEpoch.computeIfAbsent(epoch, e -> new double[] {0, 0, v, v});
                    acc[0] += v;
                    acc[1]++;
                    acc[2] = Math.min(acc[2], v);
                    acc[3] = Math.max(acc[3], v);
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
            double[] acc = e.getValue();
            epochs[i] = e.getKey();
            mean[i] = acc[0] / acc[1];
            low[i] = acc[2];
            high[i] = acc[3];
            i++;
        }
        return new EpochCurve(epochs, mean, low, high);
    }

    /** One run's values as they are, NaN and infinities included (a diverged run's last epochs). */
    static EpochCurve single(Run run, String column) {
        return new EpochCurve(run.epochs().clone(), run.column(column).clone(), new double[0], new double[0]);
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
