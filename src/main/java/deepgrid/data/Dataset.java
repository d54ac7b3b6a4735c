package deepgrid.data;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import java.util.HashSet;
import java.util.List;

/**
 * Inputs and targets of one split. {@code x} is (n × features). For classification
 * {@code classes} names the classes in index order and {@code y} is (n × 1) holding
 * class indices 0..K−1 as doubles; for regression {@code classes} is empty and
 * {@code y} is (n × d) numbers.
 *
 * <p>Read-only by convention: the loader caches Datasets and hands the same matrices
 * to every run of a grid, so nobody may write into {@code x().data()} or
 * {@code y().data()}; derive a new Dataset instead (as normalization does).
 */
public record Dataset(FlatMatrix x, FlatMatrix y, List<String> classes) {

    public Dataset {
        classes = List.copyOf(classes);
        if (x.getRowDimension() != y.getRowDimension()) {
            throw new IllegalArgumentException("x is " + Check.shapeOf(x) + " but y is " + Check.shapeOf(y)
                    + ", expected the same number of rows");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("classes " + classes + " has duplicates");
        }
        if (!classes.isEmpty()) {
            checkClassIndices(y, classes.size());
        }
    }

    /** A dataset with no rows: an empty validation or test split. */
    public static Dataset empty(int features, int targets, List<String> classes) {
        return new Dataset(new FlatMatrix(0, features), new FlatMatrix(0, targets), classes);
    }

    /** Number of rows (samples). */
    public int size() {
        return x.getRowDimension();
    }

    /** Number of input columns. */
    public int features() {
        return x.getColumnDimension();
    }

    /** Number of target columns: 1 for classification, d for regression. */
    public int targets() {
        return y.getColumnDimension();
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
        double[] v = y.data();
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            labels[i] = (int) v[i];
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

    /** The rows {@code index[from..to)}, in that order, as a new Dataset (a batch, a split). */
    public Dataset rows(int[] index, int from, int to) {
        return new Dataset(x.selectRows(index, from, to), y.selectRows(index, from, to), classes);
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
