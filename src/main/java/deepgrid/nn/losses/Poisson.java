package deepgrid.nn.losses;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Poisson negative log-likelihood of counts t under the rate λ = e^s, where the score s
 * is the log-rate, as PyTorch's {@code PoissonNLLLoss(log_input=True, full=False)}:
 * e^s − t·s averaged over all elements (the log t! term, which does not depend on s, is left
 * out). The output activation is exp: the prediction is the rate e^s. Gradient
 * (e^s − t)/(batch·k). Keras' {@code poisson} takes the rate itself (y − t log y); the
 * log-rate form needs no positive activation and cannot take the log of 0.
 */
public record Poisson() implements Elementwise {
    @Override
    public double term(double s, double t) {
        return Math.exp(s) - t * s;
    }

    @Override
    public double slope(double s, double t) {
        return Math.exp(s) - t;
    }

    /** The rate e^s. */
    @Override
    public RealMatrix output(RealMatrix scores) {
        FlatMatrix s = FlatMatrix.of(scores);
        double[] y = new double[s.data().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(s.data()[i]);
        }
        return new FlatMatrix(s.getRowDimension(), s.getColumnDimension(), y);
    }

    @Override
    public String outputActivation() {
        return "exp";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.COUNTS;
    }

    @Override
    public String name() {
        return "poisson";
    }
}
