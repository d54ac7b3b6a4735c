package deepgrid.nn;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One stage of the pipeline. Order of use: {@code forward(x, phase)} on a batch
 * (batch × inWidth), then at most one {@code backward(dOut)} for that batch, which
 * writes the gradients of {@link #params()} in place and returns dL/dx. A layer keeps
 * only what its backward pass needs. A returned matrix may be a buffer the layer reuses
 * from batch to batch: read it before the layer's next forward (or backward) call.
 */
public interface Layer {
    /** The layer's output for x (batch × inWidth) → (batch × outWidth). */
    RealMatrix forward(RealMatrix x, Phase phase);

    /** Given dL/d(output) of the last forward pass, writes parameter gradients and returns dL/dx. */
    RealMatrix backward(RealMatrix dOut);

    /**
     * Like {@link #backward}, for the first layer of a network in training: writes the
     * parameter gradients, but dL/dx (the gradient of the data) is not wanted. Layers
     * whose dL/dx costs a matrix product skip it.
     */
    default void backwardParams(RealMatrix dOut) {
        backward(dOut);
    }

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
