package deepgrid.nn.losses;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The multiclass SVM (hinge) loss of the CS231n notes (Weston &amp; Watkins 1999):
 * Σ_{j≠t} max(0, s_j − s_t + margin) per sample, averaged over the batch. The correct
 * score must beat every other by the margin; once it does, the sample contributes
 * nothing. Not divided by the number of classes (PyTorch's {@code MultiMarginLoss} is).
 * Targets are one-hot rows; the output is the raw scores.
 */
public record Hinge(double margin) implements Loss {
    /** The margin when none is given (CS231n's Δ = 1). */
    public static final double DEFAULT_MARGIN = Margins.DEFAULT_MARGIN;
    /** A margin: a finite number > 0. */
    public static final Range MARGIN = Margins.MARGIN;

    public Hinge {
        Margins.checkMargin(margin);
    }

    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        return Margins.batchMean(Margins.of(scores, targets, margin));
    }

    /** Each active term (m &gt; 0) has slope 1; at the kink m = 0 the slope is taken as 0. */
    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        FlatMatrix m = Margins.of(scores, targets, margin);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] > 0 ? 1.0 : 0.0;
        }
        return Margins.scoreGradient(m, targets);
    }

    /** Each wrong class's term max(0, s_j − s_t + margin) has its kink where the inner value is 0. */
    @Override
    public void nearestKinks(RealMatrix scores, RealMatrix targets, double[] distances) {
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        int k = s.getColumnDimension();
        for (int i = 0; i < s.getRowDimension(); i++) {
            int target = deepgrid.math.Ops.argmaxRow(t, i);
            for (int j = 0; j < k; j++) {
                if (j != target) {
                    double inner = s.data()[i * k + j] - s.data()[i * k + target] + margin;
                    distances[i] = Math.min(distances[i], Math.abs(inner));
                }
            }
        }
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
        return "hinge";
    }
}
