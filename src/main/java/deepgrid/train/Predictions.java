package deepgrid.train;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
import deepgrid.nn.Network;

/**
 * The class a network predicts for each row, and the probability it gives that class: the
 * argmax of the outputs (one output: class 1 when ≥ 0.5, as accuracy counts it). The
 * losses whose output is a probability ({@link deepgrid.nn.Loss#outputsProbabilities}: the
 * cross-entropies) give one; for the others it is NaN.
 */
final class Predictions {
    /** Rows per forward pass, as in the trainer's evaluation. */
    private static final int CHUNK = 1000;

    private final Network net;
    private final boolean probabilities;

    Predictions(Network net) {
        this.net = net;
        this.probabilities = net.lossFunction().outputsProbabilities();
    }

    /** Predicted classes and their probabilities for every row of {@code x}, in evaluation mode. */
    Result of(FlatMatrix x) {
        int n = x.getRowDimension();
        int[] all = Trainer.identity(n);
        return of(n, (from, to) -> from == 0 && to == n ? x : x.selectRows(all, from, to));
    }

    /** The same for every row of a split, gathered {@value #CHUNK} rows at a time (a split may be a view of its data set). */
    Result of(Encoded split) {
        int[] all = Trainer.identity(split.size());
        Encoded[] chunk = {null}; // storage reused from chunk to chunk
        return of(split.size(), (from, to) -> (chunk[0] = split.rows(all, from, to, chunk[0])).x());
    }

    private Result of(int n, java.util.function.BiFunction<Integer, Integer, FlatMatrix> rows) {
        int[] classes = new int[n];
        double[] probability = new double[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            FlatMatrix y = FlatMatrix.of(net.predict(rows.apply(from, to)));
            for (int i = 0; i < to - from; i++) {
                classes[from + i] = predicted(y, i);
                probability[from + i] = probabilities ? probability(y, i, classes[from + i]) : Double.NaN;
            }
        }
        return new Result(classes, probability);
    }

    /** Classes and probabilities, by row. */
    record Result(int[] classes, double[] probability) {
    }

    /** The class of each target row: one-hot rows by their 1, a single 0/1 column by its value. */
    static int[] labels(FlatMatrix targets) {
        int n = targets.getRowDimension();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = predicted(targets, i);
        }
        return out;
    }

    private static int predicted(FlatMatrix y, int row) {
        if (y.getColumnDimension() == 1) {
            return y.data()[row] >= 0.5 ? 1 : 0;
        }
        return Ops.argmaxRow(y, row);
    }

    private static double probability(FlatMatrix y, int row, int cls) {
        if (y.getColumnDimension() == 1) {
            double p = y.data()[row];
            return cls == 1 ? p : 1 - p;
        }
        return y.data()[row * y.getColumnDimension() + cls];
    }
}
