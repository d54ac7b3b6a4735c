package deepgrid.nn;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
import org.apache.commons.math3.linear.RealMatrix;

/** Quality measures of a prediction, computed the same way for every loss. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The fraction of rows classified correctly. With one output column a row is class 1
     * when its value is ≥ 0.5 (a probability; targets are 0/1); with several, the class
     * is the column of the row's largest value (first on ties; targets are one-hot rows).
     * Pass the network's {@link Network#predict output}, not raw scores: a raw score of a
     * one-column net would need the threshold 0, not 0.5. No rows give NaN (nothing was measured).
     */
    public static double accuracy(RealMatrix output, RealMatrix targets) {
        Check.sameShape("output", output, "targets", targets);
        FlatMatrix y = FlatMatrix.of(output);
        FlatMatrix t = FlatMatrix.of(targets);
        int n = y.getRowDimension();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predictedClass(y, i) == predictedClass(t, i)) {
                correct++;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    private static int predictedClass(FlatMatrix m, int row) {
        if (m.getColumnDimension() == 1) {
            return m.data()[row] >= 0.5 ? 1 : 0;
        }
        return Ops.argmaxRow(m, row);
    }
}
