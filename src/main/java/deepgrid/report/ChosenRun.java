package deepgrid.report;

import deepgrid.run.Status;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Optional;

/** The run that speaks for a grid point in the per-run views: its first completed run by seed that has the file. */
final class ChosenRun {
    private ChosenRun() {
    }

    /** The first completed run by seed that has {@code file}; else the first run by seed that has it. */
    static Optional<RunRow> with(GridPoint p, String file) {
        Comparator<RunRow> order = Comparator.comparing((RunRow r) -> r.status() != Status.COMPLETED)
                .thenComparingLong(RunRow::seed);
        return p.runs().stream().sorted(order).filter(r -> Files.isRegularFile(RunFiles.folder(r).resolve(file)))
                .findFirst();
    }

    /** The indexes of the grid points of {@code data} that have a run with {@code file}, in page order. */
    static java.util.List<Integer> pointsWith(PageData data, String file) {
        return java.util.stream.IntStream.range(0, data.points().size())
                .filter(i -> with(data.points().get(i), file).isPresent()).boxed().toList();
    }

    /** " — run ID (seed S, status)", for a block's summary line. */
    static String describe(RunRow r) {
        return " — run " + r.cell("run") + " (seed " + r.seed() + ", " + r.status().csvName() + ")";
    }
}
