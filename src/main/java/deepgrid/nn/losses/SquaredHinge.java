package deepgrid.nn.losses;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The squared multiclass hinge of the CS231n notes: Σ_{j≠t} max(0, s_j − s_t + margin)²
 * per sample, averaged over the batch. Squaring makes the loss smooth at the margin and
 * punishes large violations more strongly (the L2-SVM). Not divided by the number of
 * classes. Targets are one-hot rows; the output is the raw scores.
 */
public record SquaredHinge(double margin) implements Loss {
    /** The margin when none is given (CS231n's Δ = 1). */
    public static final double DEFAULT_MARGIN = Margins.DEFAULT_MARGIN;
    /** A margin: a finite number > 0. */
    public static final Range MARGIN = Margins.MARGIN;

    public SquaredHinge {
        Margins.checkMargin(margin);
    }

    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        FlatMatrix m = Margins.of(scores, targets, margin);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= d[i];
        }
        return Margins.batchMean(m);
    }

    /** The slope of m² is 2m, which is already 0 for inactive terms. */
    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        FlatMatrix m = Margins.of(scores, targets, margin);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= 2.0;
        }
        return Margins.scoreGradient(m, targets);
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
        return "squared_hinge";
    }
}
