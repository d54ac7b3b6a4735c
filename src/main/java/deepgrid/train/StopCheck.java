package deepgrid.train;

/**
 * Asked by the {@link Trainer} after every trained epoch (never after epoch 0, the untrained
 * network), once that epoch's metrics are recorded: true stops the run there, which then ends
 * {@link TrainResult.Outcome#PRUNED} with the epochs it trained. A search's pruner is one;
 * the trainer knows nothing of what the rule compares with.
 */
@FunctionalInterface
public interface StopCheck {
    /** Never stops: every run that is not a search trial. */
    StopCheck NEVER = m -> false;

    /** True to stop after epoch {@code m.epoch()}. */
    boolean stop(EpochMetrics m);
}
