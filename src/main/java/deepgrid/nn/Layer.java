package deepgrid.nn;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One stage of the pipeline. Order of use: {@code forward(x, phase)} on a batch
 * (batch × inWidth), then at most one {@code backward(dOut, inputGradient)} for that batch,
 * which writes the gradients of {@link #params()} in place and returns dL/dx. A layer keeps
 * only what its backward pass needs.
 *
 * <p>A matrix a layer returns may be a buffer of the layer, reused from batch to batch: read
 * it before the layer's next call. {@link Network} calls these two verbs and copies whatever it
 * hands out, so that its callers never see a buffer.
 */
public interface Layer {
    /** The layer's output for x (batch × inWidth) → (batch × outWidth). */
    RealMatrix forward(RealMatrix x, Phase phase);

    /**
     * Given dL/d(output) of the last forward pass, writes the parameter gradients and returns
     * dL/dx. With {@code inputGradient} false it returns null instead: the first layer of a
     * network in training, whose x is the data, has no one to pass dL/dx to, and a layer whose
     * dL/dx costs a matrix product (dOut·Wᵀ) skips it.
     */
    RealMatrix backward(RealMatrix dOut, boolean inputGradient);

    /** Learnable parameters (empty for parameter-free layers). */
    default List<Param> params() {
        return List.of();
    }

    /** Width of the output. */
    int outWidth();

    /** A short name such as "dense(256)" or "dropout(0.2)", used in diagnostics. */
    String describe();

    /**
     * Lowers {@code distances[i]} to how close row i of the last forward pass came to a kink
     * of this layer (a point where its derivative jumps, such as relu at 0). Smooth layers
     * leave it. Used by the gradient check to avoid samples where finite differences fail.
     */
    default void nearestKinks(double[] distances) {
    }

    /**
     * From now on, reuse the random choices of the last TRAIN forward pass (the dropout
     * mask) instead of drawing new ones, so that repeated forward passes are the same
     * function of the parameters. Used by the gradient check only.
     */
    default void freezeRandomness() {
    }
}
