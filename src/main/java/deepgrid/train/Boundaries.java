package deepgrid.train;

import deepgrid.math.FlatMatrix;
import deepgrid.math.RowView;

/**
 * Decision boundaries of a network with two inputs: its predictions on a square grid of
 * cell centres over the training data's range, widened by {@value #MARGIN} of the range on
 * every side (so the map shows a little beyond the outermost points).
 */
final class Boundaries {
    static final double MARGIN = 0.1;

    private final Encoded train;
    private final Predictions predictions;
    private final double[] x1;
    private final double[] x2;
    private final FlatMatrix grid; // (resolution² × 2), row j·resolution + i = (x1[i], x2[j])

    Boundaries(Encoded train, int resolution, Predictions predictions) {
        this.train = train;
        this.predictions = predictions;
        this.x1 = axis(train.inputs(), 0, resolution);
        this.x2 = axis(train.inputs(), 1, resolution);
        this.grid = new FlatMatrix(resolution * resolution, 2);
        double[] g = grid.data();
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                g[2 * (j * resolution + i)] = x1[i];
                g[2 * (j * resolution + i) + 1] = x2[j];
            }
        }
    }

    /** The network's map now, labelled with {@code epoch}. */
    BoundaryMap map(int epoch) {
        Predictions.Result r = predictions.of(grid);
        return new BoundaryMap(epoch, x1, x2, r.classes(), r.probability());
    }

    /** The first {@code max} training samples (the split is already shuffled) with their classes. */
    BoundaryPoints points(int max) {
        int n = Math.min(max, train.size());
        RowView x = train.inputs();
        int[] labels = Predictions.labels(train.targets());
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x.get(i, 0);
            b[i] = x.get(i, 1);
        }
        return new BoundaryPoints(a, b, java.util.Arrays.copyOf(labels, n));
    }

    /** {@code resolution} cell centres over column {@code col}'s range plus the margin. */
    private static double[] axis(RowView x, int col, int resolution) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.rows(); i++) {
            lo = Math.min(lo, x.get(i, col));
            hi = Math.max(hi, x.get(i, col));
        }
        double pad = hi > lo ? MARGIN * (hi - lo) : 1.0;
        lo -= pad;
        hi += pad;
        double[] centres = new double[resolution];
        for (int i = 0; i < resolution; i++) {
            centres[i] = lo + (hi - lo) * (i + 0.5) / resolution;
        }
        return centres;
    }
}
