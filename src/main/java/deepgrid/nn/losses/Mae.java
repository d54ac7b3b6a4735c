package deepgrid.nn.losses;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Mean absolute error (L1), the mean over all elements of |y − t|, as PyTorch's
 * {@code L1Loss} and Keras' {@code mean_absolute_error}; identity output. Its gradient
 * sign(y − t)/(batch·k) has the same size however far off a prediction is, so outliers
 * pull no harder than the rest; at y = t the slope is taken as 0, as PyTorch's sign(0).
 */
public record Mae() implements Elementwise {
    @Override
    public double term(double s, double t) {
        return Math.abs(s - t);
    }

    @Override
    public double slope(double s, double t) {
        return Math.signum(s - t);
    }

    /** |y − t| is kinked where y = t. */
    @Override
    public void nearestKinks(RealMatrix scores, RealMatrix targets, double[] distances) {
        FlatMatrix s = FlatMatrix.of(scores);
        double[] t = FlatMatrix.of(targets).data();
        int k = s.getColumnDimension();
        for (int i = 0; i < distances.length; i++) {
            for (int j = 0; j < k; j++) {
                distances[i] = Math.min(distances[i], Math.abs(s.data()[i * k + j] - t[i * k + j]));
            }
        }
    }

    @Override
    public TargetKind targets() {
        return TargetKind.ANY;
    }

    @Override
    public String name() {
        return "mae";
    }
}
