package deepgrid.report;

import deepgrid.DeepgridException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fast reader for deepgrid's all-number CSV files (boundary.csv has 50,000 rows a run):
 * the named columns as arrays, an empty cell as NaN. Only plain cells are accepted (no
 * quotes): anything else is a DeepgridException naming the file and line, as Csv.read does.
 */
final class NumericCsv {
    private NumericCsv() {
    }

    /** The values of {@code columns} in {@code file}: result[c][row]. */
    static double[][] read(Path file, List<String> columns) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> names = header == null ? List.of() : Arrays.asList(header.split(",", -1));
            int[] at = new int[columns.size()];
            for (int c = 0; c < at.length; c++) {
                at[c] = names.indexOf(columns.get(c));
                if (at[c] < 0) {
                    throw new DeepgridException(file + ":1: no '" + columns.get(c) + "' column");
                }
            }
            List<double[]> rows = new ArrayList<>();
            String line;
            for (int n = 2; (line = in.readLine()) != null; n++) {
                String[] cells = line.split(",", -1);
                if (cells.length != names.size()) {
                    throw new DeepgridException(file + ":" + n + ": " + cells.length + " cells, the header has " + names.size());
                }
                double[] row = new double[at.length];
                for (int c = 0; c < at.length; c++) {
                    row[c] = number(cells[at[c]], file, n);
                }
                rows.add(row);
            }
            double[][] out = new double[at.length][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < at.length; c++) {
                    out[c][r] = rows.get(r)[c];
                }
            }
            return out;
        }
    }

    private static double number(String cell, Path file, int line) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DeepgridException(file + ":" + line + ": '" + cell + "' is not a number");
        }
    }
}
