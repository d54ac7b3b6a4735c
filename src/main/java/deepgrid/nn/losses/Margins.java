package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
import deepgrid.math.Range;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The arithmetic shared by the multiclass SVM losses of the CS231n notes: the margin
 * terms m_ij = max(0, s_ij − s_i,t + margin) for every wrong class j, and how the slopes
 * of a per-term penalty flow back to the scores.
 */
final class Margins {
    private Margins() {
    }

    /** m (batch × k): the margin terms, 0 in each row's target column (t = the column holding the 1). */
    static FlatMatrix of(RealMatrix scores, RealMatrix targets, double margin) {
        Check.sameShape("targets", targets, "scores", scores);
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        int n = s.getRowDimension();
        int k = s.getColumnDimension();
        double[] sd = s.data();
        double[] m = new double[sd.length];
        for (int i = 0; i < n; i++) {
            int base = i * k;
            int target = Ops.argmaxRow(t, i);
            for (int j = 0; j < k; j++) {
                m[base + j] = j == target ? 0.0 : Math.max(0.0, sd[base + j] - sd[base + target] + margin);
            }
        }
        return new FlatMatrix(n, k, m);
    }

    /**
     * dL/ds from the penalty's slopes d_ij at each margin term (0 in the target column):
     * a wrong class j receives d_ij / batch, and the target column −Σ_j d_ij / batch,
     * because s_t enters every term of its row with a minus sign. Overwrites slopes.
     */
    static FlatMatrix scoreGradient(FlatMatrix slopes, RealMatrix targets) {
        FlatMatrix t = FlatMatrix.of(targets);
        int n = slopes.getRowDimension();
        int k = slopes.getColumnDimension();
        double[] d = slopes.data();
        for (int i = 0; i < n; i++) {
            int base = i * k;
            int target = Ops.argmaxRow(t, i);
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                d[base + j] /= n;
                sum += d[base + j];
            }
            d[base + target] = -sum;
        }
        return slopes;
    }

    /** Σ of all entries divided by the batch size (0 rows → 0, like an empty sum). */
    static double batchMean(FlatMatrix terms) {
        double sum = 0.0;
        for (double v : terms.data()) {
            sum += v;
        }
        int n = terms.getRowDimension();
        return n == 0 ? 0.0 : sum / n;
    }

    /** The margin when none is given (CS231n's Δ = 1). */
    static final double DEFAULT_MARGIN = 1.0;
    /** A margin: a finite number > 0. */
    static final Range MARGIN = Range.above(0);

    static void checkMargin(double margin) {
        Check.in("margin", margin, MARGIN);
    }
}
