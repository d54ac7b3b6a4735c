package deepgrid.report;

import deepgrid.run.Status;
import deepgrid.run.results.RunRecord;
import java.nio.file.Path;
import java.util.Map;

/**
 * One finished run as read from its {@code result.csv} (through {@link RunRecord}, the one
 * reader of that file): the cells by column, plus the parsed status and seed. The file is
 * kept so that every later complaint can name it.
 */
public record RunRow(Path file, Map<String, String> cells, Status status, long seed) {
    public RunRow {
        cells = Map.copyOf(cells);
    }

    /** Checks and wraps one row of {@code file}; a bad status, seed or metric cell names the file. */
    public static RunRow parse(Path file, Map<String, String> cells) {
        RunRecord r = RunRecord.of(file, cells);
        return new RunRow(file, cells, r.status(), r.seed());
    }

    /** The cell of {@code column}, "" when this run's file has no such column. */
    public String cell(String column) {
        return cells.getOrDefault(column, "");
    }

    public String variant() {
        return cell("variant");
    }

    /** The value of a final metric, NaN when the cell is empty (no such split, or a diverged run). */
    public double metric(String column) {
        String text = cell(column);
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text); // checked by RunRecord.of
    }
}
