package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Loss;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A loss that is the mean over ALL batch × k elements of one term f(s, t) of a score and its
 * target, as PyTorch's {@code reduction='mean'} (and Keras' mean over the last axis, then the
 * batch): value Σ f / (batch·k), gradient f'(s) / (batch·k). mse, mae, huber, log_cosh and
 * poisson differ only in f.
 */
interface Elementwise extends Loss {
    /** f(s, t), the term of one element. */
    double term(double s, double t);

    /** ∂f/∂s. */
    double slope(double s, double t);

    @Override
    default double value(RealMatrix scores, RealMatrix targets) {
        Check.sameShape("targets", targets, "scores", scores);
        double[] s = FlatMatrix.of(scores).data();
        double[] t = FlatMatrix.of(targets).data();
        double sum = 0.0;
        for (int i = 0; i < s.length; i++) {
            sum += term(s[i], t[i]);
        }
        return s.length == 0 ? 0.0 : sum / s.length; // an empty batch adds nothing, as in CrossEntropy
    }

    @Override
    default RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        Check.sameShape("targets", targets, "scores", scores);
        double[] s = FlatMatrix.of(scores).data();
        double[] t = FlatMatrix.of(targets).data();
        double[] ds = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            ds[i] = slope(s[i], t[i]) / s.length;
        }
        return new FlatMatrix(scores.getRowDimension(), scores.getColumnDimension(), ds);
    }

    /** The scores themselves (a copy, so the caller may keep it): the identity output. */
    @Override
    default RealMatrix output(RealMatrix scores) {
        return FlatMatrix.of(scores).copy();
    }

    @Override
    default String outputActivation() {
        return IDENTITY;
    }
}
