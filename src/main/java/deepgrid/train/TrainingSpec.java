package deepgrid.train;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.Penalty;
import deepgrid.nn.optimizers.Schedule;

/**
 * How one run trains: epochs, batch size, shuffling, optimizer and its learning-rate
 * schedule, weight penalty, gradient clipping (0 = off) and early stopping (null = off).
 */
public record TrainingSpec(int epochs, BatchSize batchSize, Order order, Optimization optimization,
        double clipGradNorm, EarlyStopping earlyStopping) {
    /** Epochs when none are given. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Epochs: ≥ 0 (0 evaluates the initial network only). */
    public static final Range EPOCHS = Range.atLeast(0);
    /** The batch size when none is given (Keras'). */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** Whether each epoch visits the training samples in a fresh random order. */
    public enum Order { SHUFFLE, FIXED }

    /** The optimizer, its schedule and the weight penalty. */
    public record Optimization(OptimizerSpec optimizer, Schedule schedule, Penalty penalty) {
    }

    public TrainingSpec {
        Check.in("epochs", epochs, EPOCHS);
        Check.in("clip_grad_norm", clipGradNorm, Range.atLeast(0)); // 0: off
    }
}
