package deepgrid.run.results;

import deepgrid.DeepgridException;
import deepgrid.run.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One finished run as its {@code result.csv} records it: the cells by column, with the
 * status, seed and epochs parsed. The one reader of result.csv and the one rule for it —
 * the queue (is a run finished?), {@code plan} and the report all read runs through here,
 * so a file that one of them refuses, all of them refuse, naming the file.
 */
public record RunRecord(Path file, Map<String, String> cells, Status status, long seed, int epochs) {
    public RunRecord {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }

    /** The same record, found at {@code resultCsv} (its folder moved into place). */
    RunRecord at(Path resultCsv) {
        return new RunRecord(resultCsv, cells, status, seed, epochs);
    }

    /** The run folder's id. */
    public String id() {
        return cells.get("run");
    }

    /** Reads {@code runFolder/result.csv}: exactly one row, checked as {@link #of} says. */
    public static RunRecord read(Path resultCsv) {
        List<Map<String, String>> rows;
        try {
            rows = Csv.read(resultCsv);
        } catch (IOException | DeepgridException e) {
            throw new DeepgridException(resultCsv + " is not a valid result.csv: " + firstLine(e), e);
        }
        if (rows.size() != 1) {
            throw new DeepgridException(resultCsv + " has " + rows.size() + " data rows, expected exactly 1");
        }
        return of(resultCsv, rows.get(0));
    }

    /** Checks one result row: the key columns exist, status is known, seed and epochs are integers, metrics are numbers or empty. */
    public static RunRecord of(Path file, Map<String, String> cells) {
        for (String column : List.of("run", "status", "variant", "seed", "epochs")) {
            if (!cells.containsKey(column)) {
                throw new DeepgridException(file + ": no '" + column + "' column; is this a deepgrid result.csv?");
            }
        }
        Status status;
        try {
            status = Status.parse(cells.get("status"));
        } catch (IllegalArgumentException e) {
            throw new DeepgridException(file + ": status is '" + cells.get("status") + "', expected one of "
                    + Status.allowed());
        }
        long seed = integer(file, cells, "seed");
        long epochs = integer(file, cells, "epochs");
        for (String column : Columns.NUMERIC) {
            number(file, cells, column);
        }
        return new RunRecord(file, cells, status, seed, (int) Math.min(epochs, Integer.MAX_VALUE));
    }

    /** The cell of {@code column}, "" when this run's file has no such column. */
    public String cell(String column) {
        return cells.getOrDefault(column, "");
    }

    /** A numeric column's value, NaN when the cell is empty (no such split, or a diverged run). */
    public double number(String column) {
        return number(file, cells, column);
    }

    private static double number(Path file, Map<String, String> cells, String column) {
        String text = cells.getOrDefault(column, "");
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DeepgridException(file + ": " + column + " is '" + text + "', expected a number or an empty cell");
    }

    private static long integer(Path file, Map<String, String> cells, String column) {
        String text = cells.get(column);
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DeepgridException(file + ": " + column + " is '" + text + "', expected an integer ≥ 0");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return m.lines().findFirst().orElse(m);
    }
}
