package deepgrid.train;

/**
 * One row of layers.csv: what one layer of the pipeline looked like after an epoch.
 * Activation statistics are over a fixed probe batch of training samples in evaluation
 * mode; {@code saturated} is the fraction of outputs in a flat region of a sigmoid or
 * tanh (NaN for other layers), {@code dead} the fraction of units whose output is 0 for
 * every probe sample (ReLU units that no longer learn; NaN for non-activation layers);
 * {@code gradientNorm} the mean, over up to 20 evenly spaced batches of the epoch, of the
 * L2 norm of the layer's parameter gradients, and {@code updateRatio} the mean over the same
 * batches of one optimizer step's ‖W_after − W_before‖ / ‖W_before‖ over the layer's weights
 * (and batch norm's scale; not biases) (CS231n's rule of thumb: about 1e-3 per step); both NaN
 * for layers without parameters and at epoch 0.
 */
public record LayerMetrics(int epoch, int layer, String kind, Activations activations, double gradientNorm,
        double updateRatio) {
    /** Statistics of a layer's outputs on the probe batch. */
    public record Activations(double mean, double std, double saturated, double dead) {
    }
}
