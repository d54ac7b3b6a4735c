package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Mean squared error, the mean over ALL batch × k elements of (y − t)², as PyTorch's
 * {@code MSELoss} (reduction 'mean'); the output activation is the identity. With k
 * outputs the value is therefore the per-sample sum divided by k as well as by the batch,
 * and so is the gradient 2(y − t) / (batch·k). The natural loss for regression; for
 * classification it is the slow-learning baseline that cross-entropy improves on.
 */
public record Mse() implements Loss {
    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        double[] y = FlatMatrix.of(scores).data();
        double[] t = checkedTargets(scores, targets);
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - t[i];
            sum += d * d;
        }
        return y.length == 0 ? 0.0 : sum / y.length; // an empty batch adds nothing, as in CrossEntropy
    }

    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        double[] y = FlatMatrix.of(scores).data();
        double[] t = checkedTargets(scores, targets);
        double[] dy = new double[y.length];
        double scale = 2.0 / y.length;
        for (int i = 0; i < y.length; i++) {
            dy[i] = scale * (y[i] - t[i]);
        }
        return new FlatMatrix(scores.getRowDimension(), scores.getColumnDimension(), dy);
    }

    /** The scores themselves (a copy, so the caller may keep it). */
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
        return TargetKind.ANY;
    }

    @Override
    public String name() {
        return "mse";
    }

    private static double[] checkedTargets(RealMatrix scores, RealMatrix targets) {
        Check.sameShape("targets", targets, "scores", scores);
        return FlatMatrix.of(targets).data();
    }
}
