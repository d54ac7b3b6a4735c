package deepgrid.data;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.RowView;
import java.util.HashSet;
import java.util.List;

/**
 * Inputs and targets of one split. The inputs are (n × features). For classification
 * {@code classes} names the classes in index order and the targets are (n × 1) class
 * indices 0..K−1 as doubles; for regression {@code classes} is empty and the targets are
 * (n × d) numbers.
 *
 * <p>A split is usually a view of the data set as loaded ({@link #rows}, {@link #scaled}):
 * its rows are not copied, so a grid over data seeds, validation fractions and limits holds one
 * copy of the data. A batch is gathered from the view ({@link #inputs()}); {@link #x()} copies
 * the whole split into one matrix, which is fine for small sets and to be avoided on large ones.
 * Read-only: the loader hands the same Datasets to every run of a grid.
 */
public final class Dataset {
    private final RowView x; // (n × features)
    private final RowView y; // (n × targets), never mapped
    private final List<String> classes;

    /** The whole of {@code x} and {@code y} (not copied), with these class names (empty for regression). */
    public Dataset(FlatMatrix x, FlatMatrix y, List<String> classes) {
        this(RowView.of(x), RowView.of(y), classes);
        if (!this.classes.isEmpty()) {
            checkClassIndices(y, this.classes.size());
        }
    }

    private Dataset(RowView x, RowView y, List<String> classes) {
        this.classes = List.copyOf(classes);
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("x is " + x.rows() + "×" + x.cols() + " but y is " + y.rows() + "×"
                    + y.cols() + ", expected the same number of rows");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("classes " + classes + " has duplicates");
        }
        this.x = x;
        this.y = y;
    }

    /**
     * Images kept as their unsigned bytes ({@code features} a row), each input read as
     * {@code (pixel & 0xFF) / divisor}: one byte per value instead of eight, the same doubles.
     */
    public static Dataset ofPixels(byte[] pixels, int features, double divisor, FlatMatrix y, List<String> classes) {
        Dataset d = new Dataset(RowView.ofUnsignedBytes(pixels, features, divisor), RowView.of(y), classes);
        if (!d.classes.isEmpty()) {
            checkClassIndices(y, d.classes.size());
        }
        return d;
    }

    /** A dataset with no rows: an empty validation or test split. */
    public static Dataset empty(int features, int targets, List<String> classes) {
        return new Dataset(new FlatMatrix(0, features), new FlatMatrix(0, targets), classes);
    }

    /** The inputs as a view, to gather batches from without copying the split. */
    public RowView inputs() {
        return x;
    }

    /** The inputs as one matrix (n × features): a copy unless this is a whole, unmapped data set. */
    public FlatMatrix x() {
        return x.matrix();
    }

    /** The targets as one matrix (n × targets): a copy unless this is a whole data set. */
    public FlatMatrix y() {
        return y.matrix();
    }

    public List<String> classes() {
        return classes;
    }

    /** Number of rows (samples). */
    public int size() {
        return x.rows();
    }

    /** Number of input columns. */
    public int features() {
        return x.cols();
    }

    /** Number of target columns: 1 for classification, d for regression. */
    public int targets() {
        return y.cols();
    }

    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** K for classification, 0 for regression. */
    public int numClasses() {
        return classes.size();
    }

    /** The class index of every row (classification only). */
    public int[] labels() {
        if (!isClassification()) {
            throw new IllegalStateException("a regression dataset has no class labels");
        }
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) y.get(i, 0);
        }
        return labels;
    }

    /** How many rows each class has, in class index order (classification only). */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** The rows {@code index[from..to)}, in that order, as a new Dataset viewing the same data (nothing is copied). */
    public Dataset rows(int[] index, int from, int to) {
        return new Dataset(x.select(index, from, to), y.select(index, from, to), classes);
    }

    /** This split with its inputs mapped by {@code s} (a view: nothing is copied); targets and classes as they are. */
    Dataset scaled(Scaling s) {
        double[] shift = new double[features()];
        double[] scale = new double[features()];
        for (int j = 0; j < shift.length; j++) {
            shift[j] = s.shift(j);
            scale[j] = s.scale(j);
        }
        return new Dataset(x.mapped(shift, scale), y, classes);
    }

    /** Equal when the inputs, targets and classes are: by content, whether views or whole (for tests). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && classes.equals(d.classes) && x().equals(d.x()) && y().equals(d.y());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(classes, size(), features(), targets());
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + "×" + features() + ", targets " + targets() + ", classes " + classes + "]";
    }

    private static void checkClassIndices(FlatMatrix y, int k) {
        Check.shape("y", y, -1, 1);
        double[] v = y.data();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] < k && v[i] == Math.rint(v[i]))) {
                throw new IllegalArgumentException("y[" + i + "] is " + v[i] + ", expected a class index in 0.." + (k - 1));
            }
        }
    }
}
