package deepgrid.nn;

/**
 * An element-wise nonlinearity y = f(z). Implementations are stateless values;
 * {@link deepgrid.nn.layers.ActivationLayer} applies them to a batch and keeps z and y
 * for the backward pass.
 */
public interface Activation {
    /** f(z). Must not overflow for |z| up to 1000. */
    double apply(double z);

    /** f'(z), given z and y = f(z) (whichever is cheaper to use). */
    double derivative(double z, double y);

    /** The YAML name, e.g. "leaky_relu". */
    String name();

    /**
     * How far z is from the nearest point where f has no derivative (a kink, such as relu's 0);
     * infinite for a smooth f. The gradient check uses it: a finite difference taken across a
     * kink measures the average of two slopes, not the derivative.
     */
    default double kinkDistance(double z) {
        return Double.POSITIVE_INFINITY;
    }

    /** True for activations with flat tails where learning stalls (sigmoid, tanh). */
    default boolean saturates() {
        return false;
    }

    /** True when output y lies in a flat tail (for the saturated fraction of layers.csv). */
    default boolean isSaturated(double y) {
        return false;
    }
}
