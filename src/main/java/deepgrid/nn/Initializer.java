package deepgrid.nn;

import deepgrid.math.Rng;

/**
 * How the starting values of a weight matrix or bias are drawn. Fan-based
 * initializers follow PyTorch's definitions (plain, not truncated, normal).
 */
public interface Initializer {
    /** Fills {@code values} (a fanIn × fanOut weight matrix, or a bias of fanOut values) from {@code rng}. */
    void fill(double[] values, int fanIn, int fanOut, Rng rng);

    /** The YAML name, e.g. "he_normal". */
    String name();
}
