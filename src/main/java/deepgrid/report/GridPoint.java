package deepgrid.report;

import deepgrid.run.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs that share a variant and every grid value; they differ only by seed.
 * {@code values} lines up with {@link RunTable#gridColumns()}.
 */
public record GridPoint(String variant, List<String> values, List<RunRow> runs) {
    public GridPoint {
        values = List.copyOf(values);
        runs = List.copyOf(runs);
    }

    /** The grid points of {@code table}, in the order their first run appears. */
    public static List<GridPoint> group(RunTable table) {
        Map<List<String>, List<RunRow>> byPoint = new LinkedHashMap<>();
        for (RunRow row : table.rows()) {
            List<String> key = new ArrayList<>();
            key.add(row.variant());
            key.addAll(table.coordinates(row));
            byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<GridPoint> points = new ArrayList<>();
        byPoint.forEach((key, runs) -> points.add(new GridPoint(key.get(0), key.subList(1, key.size()), runs)));
        return points;
    }

    /** The point as people name it: its variant and values joined by " · ", or "all runs" for an experiment without a grid. */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        parts.addAll(values);
        return parts.isEmpty() ? "all runs" : String.join(" · ", parts);
    }

    /** How many of this point's runs ended with {@code status}. */
    public int count(Status status) {
        return (int) runs.stream().filter(r -> r.status() == status).count();
    }

    /**
     * The values of {@code metric} over the completed runs that have one. Diverged runs
     * are left out on purpose: their last loss is NaN or huge and would swamp the mean;
     * they are counted in summary.csv instead.
     */
    public double[] completed(String metric) {
        return runs.stream().filter(r -> r.status() == Status.COMPLETED).mapToDouble(r -> r.metric(metric))
                .filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Seed → value of {@code metric} over completed runs; if a seed repeats, its first run (folder order) wins. */
    public Map<Long, Double> completedBySeed(String metric) {
        Map<Long, Double> bySeed = new LinkedHashMap<>();
        for (RunRow r : runs) {
            double v = r.metric(metric);
            if (r.status() == Status.COMPLETED && !Double.isNaN(v)) {
                bySeed.putIfAbsent(r.seed(), v);
            }
        }
        return bySeed;
    }
}
