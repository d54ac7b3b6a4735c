package deepgrid.report;

import deepgrid.run.results.Csv;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * comparisons.csv: every pair of grid points that differ in exactly one grid path (same
 * variant), or only in their variant, compared on each final metric with a paired t-test
 * by seed ({@link PairedTest}). Points that differ in two or more places are not compared:
 * their difference has no single cause. A is the point that comes first in the experiment
 * file, so {@code difference} = mean(b − a) reads "what changing value_a to value_b did";
 * {@code mean_a} and {@code mean_b} are over the paired seeds only (summary.csv has the means
 * over all completed runs), so that difference = mean_b − mean_a. {@code fixed} lists what
 * both points share, {@code variant=v; path=value; ...}.
 * Rows are grouped by path (variant first, then grid order), then by pair, then by metric.
 */
public final class Comparisons {
    /** The columns of comparisons.csv. */
    public static final List<String> HEADER = List.of("path", "value_a", "value_b", "fixed", "metric",
            "n_pairs", "mean_a", "mean_b", "difference", "p_value");
    private static final String VARIANT = "variant";

    private Comparisons() {
    }

    /** One compared pair: the path that differs (-1 = the variant) and the two points. */
    private record Pair(int path, GridPoint a, GridPoint b) {
    }

    public static Table of(RunTable table) {
        List<String> metrics = FinalMetrics.present(table.rows());
        List<List<String>> rows = new ArrayList<>();
        for (Pair pair : pairs(GridPoint.group(table))) {
            for (String m : metrics) {
                rows.add(row(table.gridColumns(), pair, m));
            }
        }
        return new Table(HEADER, rows);
    }

    /** Pairs of points that differ in exactly one place, in the order described above. */
    private static List<Pair> pairs(List<GridPoint> points) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                OptionalInt path = onlyDifference(points.get(i), points.get(j));
                if (path.isPresent()) {
                    pairs.add(new Pair(path.getAsInt(), points.get(i), points.get(j)));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::path)); // stable: pair order kept within a path
        return pairs;
    }

    /** The index of the one grid path that differs, -1 if only the variant does, empty otherwise. */
    private static OptionalInt onlyDifference(GridPoint a, GridPoint b) {
        List<Integer> differing = new ArrayList<>();
        for (int k = 0; k < a.values().size(); k++) {
            if (!a.values().get(k).equals(b.values().get(k))) {
                differing.add(k);
            }
        }
        boolean sameVariant = a.variant().equals(b.variant());
        if (sameVariant && differing.size() == 1) {
            return OptionalInt.of(differing.get(0));
        }
        return !sameVariant && differing.isEmpty() ? OptionalInt.of(-1) : OptionalInt.empty();
    }

    private static List<String> row(List<String> gridColumns, Pair pair, String metric) {
        GridPoint a = pair.a();
        GridPoint b = pair.b();
        String path = pair.path() < 0 ? VARIANT : gridColumns.get(pair.path());
        String valueA = pair.path() < 0 ? a.variant() : a.values().get(pair.path());
        String valueB = pair.path() < 0 ? b.variant() : b.values().get(pair.path());
        PairedTest t = PairedTest.bySeed(a.completedBySeed(metric), b.completedBySeed(metric));
        return List.of(path, valueA, valueB, fixed(gridColumns, pair), metric, Integer.toString(t.pairs()),
                Csv.num(t.meanA()), Csv.num(t.meanB()), Csv.num(t.difference()), Csv.num(t.p()));
    }

    /** What the two points share, as {@code variant=v; path=value; ...} (the variant only if named). */
    private static String fixed(List<String> gridColumns, Pair pair) {
        List<String> parts = new ArrayList<>();
        if (pair.path() >= 0 && !pair.a().variant().isEmpty()) {
            parts.add(VARIANT + "=" + pair.a().variant());
        }
        for (int k = 0; k < gridColumns.size(); k++) {
            if (k != pair.path()) {
                parts.add(gridColumns.get(k) + "=" + pair.a().values().get(k));
            }
        }
        return String.join("; ", parts);
    }
}
