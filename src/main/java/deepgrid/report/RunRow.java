package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.run.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One finished run as read from its {@code result.csv}: the cells by column, plus the
 * parsed status and seed. The file is kept so that every later complaint can name it.
 */
public record RunRow(Path file, Map<String, String> cells, Status status, long seed) {
    public RunRow {
        cells = Map.copyOf(cells);
    }

    /** Checks and wraps one row of {@code file}; a bad status, seed or metric cell names the file. */
    public static RunRow parse(Path file, Map<String, String> cells) {
        for (String column : List.of("run", "status", "variant", "seed", "epochs")) {
            if (!cells.containsKey(column)) {
                throw new DeepgridException(file + ": no '" + column + "' column; is this a deepgrid result.csv?");
            }
        }
        RunRow row = new RunRow(file, cells, status(file, cells.get("status")), seed(file, cells.get("seed")));
        FinalMetrics.ALL.forEach(row::metric); // fail now, not halfway through writing a report
        return row;
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
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DeepgridException(file + ": " + column + " is '" + text + "', expected a number or an empty cell");
        }
    }

    private static Status status(Path file, String text) {
        try {
            return Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DeepgridException(file + ": status is '" + text + "', expected completed, diverged or failed");
        }
    }

    private static long seed(Path file, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DeepgridException(file + ": seed is '" + text + "', expected an integer");
        }
    }
}
