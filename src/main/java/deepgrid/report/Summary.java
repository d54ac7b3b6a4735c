package deepgrid.report;

import deepgrid.run.Status;
import deepgrid.run.results.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.csv: one row per grid point, in the order of the experiment file. Columns:
 * {@code variant}, the grid paths, {@code runs completed diverged failed pruned} (counts), {@code n}
 * (completed runs: the statistics use these alone), then for each final metric that has a
 * value in some run, {@code <metric>_mean _std _ci95_low _ci95_high}. Std is the sample std
 * (n − 1); std and the interval are empty when n &lt; 2. The interval is Student's t
 * interval as it is, not clipped: with 2 or 3 seeds an accuracy's interval can pass 1.
 */
public final class Summary {
    private static final List<String> STAT_SUFFIXES = List.of("_mean", "_std", "_ci95_low", "_ci95_high");

    private Summary() {
    }

    public static Table of(RunTable table) {
        List<String> metrics = FinalMetrics.present(table.rows());
        List<List<String>> rows = new ArrayList<>();
        for (GridPoint point : GridPoint.group(table)) {
            rows.add(row(point, metrics));
        }
        return new Table(header(table.gridColumns(), metrics), rows);
    }

    static List<String> header(List<String> gridColumns, List<String> metrics) {
        List<String> h = new ArrayList<>();
        h.add("variant");
        h.addAll(gridColumns);
        h.add("runs");
        for (Status s : Status.values()) {
            h.add(s.csvName());
        }
        h.add("n");
        for (String m : metrics) {
            STAT_SUFFIXES.forEach(s -> h.add(m + s));
        }
        return h;
    }

    private static List<String> row(GridPoint point, List<String> metrics) {
        List<String> cells = new ArrayList<>();
        cells.add(point.variant());
        cells.addAll(point.values());
        cells.add(Integer.toString(point.runs().size()));
        for (Status s : Status.values()) { // the header's order
            cells.add(Integer.toString(point.count(s)));
        }
        cells.add(Integer.toString(point.count(Status.COMPLETED)));
        for (String m : metrics) {
            Stats s = Stats.of(point.completed(m));
            cells.addAll(List.of(Csv.num(s.mean()), Csv.num(s.std()), Csv.num(s.ci95Low()), Csv.num(s.ci95High())));
        }
        return cells;
    }
}
