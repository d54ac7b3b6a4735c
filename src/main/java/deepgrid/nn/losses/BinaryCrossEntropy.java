package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import deepgrid.nn.activations.Sigmoid;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Binary cross-entropy fused with a sigmoid on one output column: for a score s and a
 * 0/1 target t, −[t log σ(s) + (1 − t) log(1 − σ(s))], averaged over the batch, as
 * PyTorch's {@code BCEWithLogitsLoss}. Fusing gives the gradient (σ(s) − t) / batch,
 * which — unlike MSE after a sigmoid — does not vanish when the unit is confidently wrong.
 */
public record BinaryCrossEntropy() implements Loss {
    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        double[] s = checkedScores(scores, targets);
        double[] t = FlatMatrix.of(targets).data();
        double sum = 0.0;
        for (int i = 0; i < s.length; i++) {
            // the same quantity written so that exp() only sees −|s|: no overflow, no log(0)
            sum += Math.max(s[i], 0.0) - s[i] * t[i] + Math.log1p(Math.exp(-Math.abs(s[i])));
        }
        return s.length == 0 ? 0.0 : sum / s.length; // an empty batch adds nothing, as in CrossEntropy
    }

    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        double[] s = checkedScores(scores, targets);
        double[] t = FlatMatrix.of(targets).data();
        double[] ds = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            ds[i] = (Sigmoid.logistic(s[i]) - t[i]) / s.length;
        }
        return new FlatMatrix(s.length, 1, ds);
    }

    /** σ(s), the predicted probability of class 1. */
    @Override
    public RealMatrix output(RealMatrix scores) {
        Check.shape("scores", scores, -1, 1);
        double[] s = FlatMatrix.of(scores).data();
        double[] y = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            y[i] = Sigmoid.logistic(s[i]);
        }
        return new FlatMatrix(s.length, 1, y);
    }

    @Override
    public String outputActivation() {
        return "sigmoid";
    }

    @Override
    public boolean outputsProbabilities() {
        return true;
    }

    @Override
    public TargetKind targets() {
        return TargetKind.BINARY;
    }

    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    private static double[] checkedScores(RealMatrix scores, RealMatrix targets) {
        Check.shape("scores", scores, -1, 1);
        Check.sameShape("targets", targets, "scores", scores);
        return FlatMatrix.of(scores).data();
    }
}
