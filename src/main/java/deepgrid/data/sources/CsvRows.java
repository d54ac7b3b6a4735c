package deepgrid.data.sources;

import deepgrid.DeepgridException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one {@link CsvTable} typed: feature cells as finite numbers, label
 * cells as stripped texts. Malformed rows are recorded, not thrown, so that the user
 * sees the first {@link #SHOWN} problems of all files at once.
 */
final class CsvRows {
    static final int SHOWN = 10;

    private final List<String> features;
    private final double[] x; // (rows × features), row-major; rows that fail a check leave a gap at the end
    private final List<String> labels = new ArrayList<>();

    private CsvRows(List<String> features, int capacity) {
        this.features = features;
        this.x = new double[capacity * features.size()];
    }

    /** Types {@code table}'s rows, adding one message per malformed row to {@code problems}. */
    static CsvRows of(CsvTable table, String label, List<String> features, List<String> problems) {
        int labelColumn = table.column(label, "the label");
        int[] featureColumns = features.stream().mapToInt(f -> table.column(f, "a feature")).toArray();
        if (table.rows().isEmpty()) {
            throw new DeepgridException(table.path() + ": no data rows after the header; expected one row per sample");
        }
        CsvRows rows = new CsvRows(features, table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String at = table.path() + ":" + row.line() + ": ";
            if (row.cells().size() != table.header().size()) {
                problems.add(at + row.cells().size() + " cells; expected " + table.header().size()
                        + ", one per header column");
            } else {
                rows.add(row.cells(), featureColumns, labelColumn, at, problems);
            }
        }
        return rows;
    }

    private void add(List<String> cells, int[] featureColumns, int labelColumn, String at, List<String> problems) {
        int start = labels.size() * featureColumns.length;
        for (int j = 0; j < featureColumns.length; j++) {
            String cell = cells.get(featureColumns[j]).strip();
            if (!Labels.isNumber(cell)) {
                problems.add(at + "feature '" + features.get(j) + "' is '" + cell + "'; expected a finite number");
                return;
            }
            x[start + j] = Double.parseDouble(cell);
        }
        String text = cells.get(labelColumn).strip();
        if (text.isEmpty()) {
            problems.add(at + "the label is empty; expected a class name or a number");
            return;
        }
        labels.add(text);
    }

    /** Number of well-formed rows. */
    int size() {
        return labels.size();
    }

    /** The feature values of the well-formed rows, row-major. */
    double[] x() {
        return Arrays.copyOf(x, size() * features.size());
    }

    /** The label texts of the well-formed rows. */
    List<String> labels() {
        return labels;
    }

    /** Throws one DeepgridException listing the first {@link #SHOWN} problems, if there are any. */
    static void throwIfAny(List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> shown = problems.subList(0, Math.min(SHOWN, problems.size()));
        String more = problems.size() > SHOWN ? "\n(and " + (problems.size() - SHOWN) + " more problems)" : "";
        throw new DeepgridException(String.join("\n", shown) + more);
    }
}
