package deepgrid.train;

import deepgrid.data.Dataset;
import deepgrid.math.FlatMatrix;
import deepgrid.math.RowView;
import deepgrid.nn.TargetKind;

/**
 * A split with its targets encoded for the loss: class labels as one-hot rows, or as one
 * 0/1 column for a binary loss; numeric targets as they are. {@code classes} is the
 * number of classes (0 for regression), which decides whether accuracy is reported. The
 * inputs stay a view of the loaded data ({@link Dataset#inputs()}); {@link #rows} gathers a batch.
 */
public record Encoded(RowView inputs, FlatMatrix targets, int classes) {
    /** Encodes {@code d} for a loss accepting {@code kind}. */
    public static Encoded of(Dataset d, TargetKind kind) {
        if (!d.isClassification()) {
            return new Encoded(d.inputs(), d.y(), 0);
        }
        int k = d.numClasses();
        if (kind == TargetKind.BINARY) {
            return new Encoded(d.inputs(), d.y(), k);
        }
        int[] labels = d.labels();
        FlatMatrix oneHot = new FlatMatrix(labels.length, k);
        for (int i = 0; i < labels.length; i++) {
            oneHot.data()[i * k + labels[i]] = 1.0;
        }
        return new Encoded(d.inputs(), oneHot, k);
    }

    /** A batch that is already a matrix. */
    public Encoded(FlatMatrix x, FlatMatrix targets, int classes) {
        this(RowView.of(x), targets, classes);
    }

    /** The output width a network needs for these targets under {@code kind}. */
    public static int width(Dataset d, TargetKind kind) {
        if (!d.isClassification()) {
            return d.targets();
        }
        return kind == TargetKind.BINARY ? 1 : d.numClasses();
    }

    /** The inputs as one matrix: free for a gathered batch, a copy for a view of a data set. */
    public FlatMatrix x() {
        return inputs.matrix();
    }

    public int size() {
        return inputs.rows();
    }

    /** Rows {@code order[from..to)} as a batch. */
    public Encoded rows(int[] order, int from, int to) {
        return rows(order, from, to, null);
    }

    /** Rows {@code order[from..to)} as a batch, copied into {@code reuse}'s storage when it has the size (may be null). */
    public Encoded rows(int[] order, int from, int to, Encoded reuse) {
        int n = to - from;
        FlatMatrix bx = FlatMatrix.reuse(reuse == null ? null : reuse.x(), n, inputs.cols());
        FlatMatrix bt = FlatMatrix.reuse(reuse == null ? null : reuse.targets, n, targets.getColumnDimension());
        return new Encoded(inputs.gatherInto(order, from, to, bx), targets.selectRowsInto(order, from, to, bt), classes);
    }
}
