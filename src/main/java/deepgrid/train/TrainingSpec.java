package deepgrid.train;

import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.optimizers.Penalty;
import deepgrid.nn.optimizers.Schedule;

/**
 * How one run trains: epochs, batch size, shuffling, optimizer and its learning-rate
 * schedule, weight penalty, gradient clipping (0 = off) and early stopping (null = off).
 */
public record TrainingSpec(int epochs, BatchSize batchSize, Order order, Optimization optimization,
        double clipGradNorm, EarlyStopping earlyStopping) {
    /** Whether each epoch visits the training samples in a fresh random order. */
    public enum Order { SHUFFLE, FIXED }

    /** The optimizer, its schedule and the weight penalty. */
    public record Optimization(OptimizerSpec optimizer, Schedule schedule, Penalty penalty) {
    }

    public TrainingSpec {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs is " + epochs + ", expected ≥ 0");
        }
        if (!(clipGradNorm >= 0)) {
            throw new IllegalArgumentException("clip_grad_norm is " + clipGradNorm + ", expected ≥ 0");
        }
    }
}
