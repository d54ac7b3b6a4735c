package deepgrid.data.sources;

import deepgrid.DeepgridException;
import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A CSV file with a header row: the {@code label} column is the target, the
 * {@code features} columns (default: all others, in header order) the inputs, which
 * must be finite numbers. Labels become classes or regression numbers by the rule of
 * {@link Labels}; class names map to indices in sorted order. With {@code testPath}
 * (same columns, any order) that file is the test set; otherwise a seeded shuffle
 * holds out the last {@code test} fraction (0 allowed). Blank lines are skipped.
 * YAML: {@code path}, {@code label}, {@code features}, {@code test_path}, {@code test} (0.2).
 */
public record Csv(Path path, String label, List<String> features, Path testPath, double test) implements DataSource {

    /** The held-out fraction when there is no test file. */
    public static final double DEFAULT_TEST = 0.2;

    public Csv {
        Check.given("path", path, "a CSV file");
        Check.given("label", label, "the name of the label column");
        Check.that(!label.isBlank(), "label", "''", "the name of the label column");
        features = features == null ? null : List.copyOf(features);
        checkFeatures(label, features);
        Check.in("test", test, Synthetic.TEST);
    }

    /** {@code path} with every other column a feature and the default test fraction. */
    public static Csv of(Path path, String label) {
        return new Csv(path, label, null, null, DEFAULT_TEST);
    }

    @Override
    public Splits load(Rng rng) {
        CsvTable table = CsvTable.read(path);
        CsvTable testTable = testPath == null ? null : CsvTable.read(testPath);
        List<String> columns = features != null ? features
                : table.header().stream().filter(name -> !name.equals(label)).toList();
        if (columns.isEmpty()) {
            throw new DeepgridException(path + ":1: no feature columns besides the label '" + label
                    + "'; expected at least one input column");
        }
        List<String> problems = new ArrayList<>();
        CsvRows trainRows = CsvRows.of(table, label, columns, problems);
        CsvRows testRows = testTable == null ? null : CsvRows.of(testTable, label, columns, problems);
        CsvRows.throwIfAny(problems);
        List<String> allLabels = new ArrayList<>(trainRows.labels());
        if (testRows != null) {
            allLabels.addAll(testRows.labels());
        }
        Labels labels = Labels.of(allLabels);
        Dataset train = dataset(trainRows, columns.size(), labels);
        if (testRows == null) {
            return Splits.holdOutTest("csv " + path, train, test, rng);
        }
        return new Splits(train, Splits.none(train), dataset(testRows, columns.size(), labels));
    }

    @Override
    public List<Path> files() {
        return testPath == null ? List.of(path) : List.of(path, testPath);
    }

    @Override
    public String name() {
        return "csv";
    }

    private static Dataset dataset(CsvRows rows, int features, Labels labels) {
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.encode(rows.labels().get(i));
        }
        return new Dataset(new FlatMatrix(rows.size(), features, rows.x()), new FlatMatrix(y.length, 1, y),
                labels.classes());
    }

    private static void checkFeatures(String label, List<String> features) {
        if (features == null) {
            return;
        }
        Check.that(!features.isEmpty(), "features", "an empty list",
                "column names, or no features key for every column but the label");
        Check.that(!features.contains(label), "features", features, "input columns only, not the label '" + label + "'");
        Check.that(new HashSet<>(features).size() == features.size(), "features", features,
                "distinct names (a column is listed twice)");
    }
}
