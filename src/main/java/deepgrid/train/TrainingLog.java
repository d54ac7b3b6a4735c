package deepgrid.train;

import java.util.List;

/**
 * Where one run's records go as training produces them. Every method is called on the
 * training thread, in epoch order: {@link #boundaryPoints} once before epoch 0, then per
 * epoch {@link #epoch}, {@link #layers}, {@link #histograms} and {@link #boundary} (at their
 * snapshot epochs) and {@link #event} for each new event; {@link #confusion} once at the end.
 * Only {@link #epoch} is required; the diagnostics that are off are never called.
 */
public interface TrainingLog {
    /** One row of metrics.csv. */
    void epoch(EpochMetrics m);

    /** One epoch's layers.csv rows, one per layer. */
    default void layers(List<LayerMetrics> rows) {
    }

    /** One epoch's histograms, one per activation layer. */
    default void histograms(List<Histogram> histograms) {
    }

    /** The training samples drawn on the boundary maps (data with two inputs only). */
    default void boundaryPoints(BoundaryPoints points) {
    }

    /** One epoch's decision boundary (data with two inputs only). */
    default void boundary(BoundaryMap map) {
    }

    /** A training-health event, the first time it shows. */
    default void event(HealthEvent event) {
    }

    /** The final network's confusion matrix (classification only; not after divergence). */
    default void confusion(ConfusionMatrix matrix) {
    }

    /** A log that only hands each epoch's metrics to {@code listener}. */
    static TrainingLog of(java.util.function.Consumer<EpochMetrics> listener) {
        return listener::accept;
    }
}
