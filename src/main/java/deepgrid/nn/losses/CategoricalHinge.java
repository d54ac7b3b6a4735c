package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Keras' {@code categorical_hinge}: per sample max(0, neg − pos + 1) with pos = Σ t·s (the
 * target's score) and neg = max((1 − t)·s), averaged over the batch; targets are one-hot rows,
 * the output is the raw scores. Unlike {@link Hinge} only the best wrong class counts (Crammer
 * &amp; Singer 2001). As in Keras, the target's own column enters the max as 0, so neg is never
 * below 0: a sample whose wrong scores are all negative still pays max(0, 1 − pos).
 */
public record CategoricalHinge() implements Loss {
    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        Check.sameShape("targets", targets, "scores", scores);
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        int n = s.getRowDimension();
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += Math.max(0.0, inner(s, t, i));
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /** −1/batch on the target, +1/batch on the column holding neg (none when it is the target's 0); 0 when inactive. */
    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        Check.sameShape("targets", targets, "scores", scores);
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        int n = s.getRowDimension();
        int k = s.getColumnDimension();
        double[] g = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (inner(s, t, i) > 0) {
                int target = Ops.argmaxRow(t, i);
                g[i * k + target] -= 1.0 / n;
                int best = negColumn(s, target, i);
                if (best != target) {
                    g[i * k + best] += 1.0 / n;
                }
            }
        }
        return new FlatMatrix(n, k, g);
    }

    /** Kinked where neg − pos + 1 = 0 and where the two largest entries of (1 − t)·s tie. */
    @Override
    public void nearestKinks(RealMatrix scores, RealMatrix targets, double[] distances) {
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        int k = s.getColumnDimension();
        for (int i = 0; i < s.getRowDimension(); i++) {
            distances[i] = Math.min(distances[i], Math.abs(inner(s, t, i)));
            int target = Ops.argmaxRow(t, i);
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double v = j == target ? 0.0 : s.data()[i * k + j];
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            if (second > Double.NEGATIVE_INFINITY) {
                distances[i] = Math.min(distances[i], first - second);
            }
        }
    }

    /** neg − pos + 1 of row i. */
    private static double inner(FlatMatrix s, FlatMatrix t, int i) {
        int target = Ops.argmaxRow(t, i);
        int k = s.getColumnDimension();
        int neg = negColumn(s, target, i);
        return (neg == target ? 0.0 : s.data()[i * k + neg]) - s.data()[i * k + target] + 1.0;
    }

    /** The column of max((1 − t)·s): the largest wrong score, or the target's when every wrong score is below 0. */
    private static int negColumn(FlatMatrix s, int target, int i) {
        int k = s.getColumnDimension();
        int best = target;
        double max = 0.0; // the target's column enters as 0
        for (int j = 0; j < k; j++) {
            if (j != target && s.data()[i * k + j] > max) {
                max = s.data()[i * k + j];
                best = j;
            }
        }
        return best;
    }

    @Override
    public RealMatrix output(RealMatrix scores) {
        return FlatMatrix.of(scores).copy();
    }

    @Override
    public String outputActivation() {
        return IDENTITY;
    }

    @Override
    public TargetKind targets() {
        return TargetKind.CLASSES;
    }

    @Override
    public String name() {
        return "categorical_hinge";
    }
}
