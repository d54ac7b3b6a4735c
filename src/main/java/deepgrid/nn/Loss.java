package deepgrid.nn;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * A data loss fused with its output activation. {@code scores} are the last layer's
 * outputs (batch × k); {@code targets} are encoded as {@link #targets()} says: one-hot
 * rows for classes, one 0/1 column for binary, numbers otherwise. Values are means
 * over the batch, so {@link #gradient} already carries the 1/batch factor.
 */
public interface Loss {
    /** The output activation of a loss that uses the scores as they are. */
    String IDENTITY = "identity";
    /** The mean loss over the batch. */
    double value(RealMatrix scores, RealMatrix targets);

    /** dL/dscores, same shape as scores. */
    RealMatrix gradient(RealMatrix scores, RealMatrix targets);

    /** The network's prediction: the output activation applied to the scores, in a new matrix. */
    RealMatrix output(RealMatrix scores);

    /**
     * The name of the output activation this loss applies to the scores itself ("softmax",
     * "sigmoid", {@link #IDENTITY}, ...), for messages and tables. A last layer with its own
     * activation is refused unless this is {@link #IDENTITY}: the activation would be applied twice.
     */
    String outputActivation();

    /**
     * Whether {@link #output} gives a probability per class (softmax, sigmoid), which the
     * diagnostics report beside each predicted class; other losses' outputs are scores or values.
     */
    default boolean outputsProbabilities() {
        return false;
    }

    /** What targets this loss accepts. */
    TargetKind targets();

    /** The YAML name, e.g. "cross_entropy". */
    String name();

    /**
     * Lowers {@code distances[i]} to how close row i of {@code scores} is to a kink of the loss
     * (such as a hinge term at 0). Smooth losses leave it. See {@link Layer#nearestKinks}.
     */
    default void nearestKinks(RealMatrix scores, RealMatrix targets, double[] distances) {
    }
}
