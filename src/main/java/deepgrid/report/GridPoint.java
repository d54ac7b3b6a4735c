package deepgrid.report;

import deepgrid.run.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs that share a variant and every grid value; they differ only by seed.
 * {@code values} lines up with {@link RunTable#gridColumns()}. {@code runs} are in seed
 * order (the plan's repeat order), so every statistic over them sums in that order, never
 * in the order the runs happened to finish.
 */
public record GridPoint(String variant, List<String> values, List<RunRow> runs) {
    public GridPoint {
        values = List.copyOf(values);
        runs = List.copyOf(runs);
    }

    /** The grid points of {@code table}, in the order their first run appears (the plan's order); runs by seed. */
    public static List<GridPoint> group(RunTable table) {
        Map<List<String>, List<RunRow>> byPoint = new LinkedHashMap<>();
        for (RunRow row : table.rows()) {
            List<String> key = new ArrayList<>();
            key.add(row.variant());
            key.addAll(table.coordinates(row));
            byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<GridPoint> points = new ArrayList<>();
        for (var e : byPoint.entrySet()) {
            List<RunRow> runs = e.getValue();
            runs.sort(Comparator.comparingLong(RunRow::seed)); // stable: a repeated seed keeps the table's order
            points.add(new GridPoint(e.getKey().get(0), e.getKey().subList(1, e.getKey().size()), runs));
        }
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

    /** Seed → value of {@code metric} over completed runs; if a seed repeats, its first run (plan order, then folder name) wins. */
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
