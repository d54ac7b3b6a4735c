package deepgrid.run.queue;

import deepgrid.Memory;
import deepgrid.Printable;
import deepgrid.config.ExperimentSpec;
import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import deepgrid.nn.Network;
import deepgrid.nn.NetworkBuilder;
import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.run.Status;
import deepgrid.run.results.RunRecorder;
import deepgrid.train.EpochMetrics;
import deepgrid.train.TrainResult;
import deepgrid.train.Trainer;
import java.util.function.Consumer;

/**
 * Trains one run and turns how it ended into a {@link RunResult}: a diverged run is a
 * status, and so is an unexpected error (failed, with its reason), so the queue goes on.
 */
public final class RunExecutor {
    private RunExecutor() {
    }

    /** Builds the network from the run's seed, trains it, and records every epoch with {@code recorder}. */
    public static RunResult execute(RunSpec run, DataLoader loader, RunRecorder recorder, Consumer<EpochMetrics> progress) {
        long t0 = System.nanoTime();
        try {
            ExperimentSpec spec = run.spec(); // bound again as it starts: its data may have gone meanwhile
            Splits splits = loader.load(spec.data());
            Rng rng = new Rng(spec.seed());
            Network net = NetworkBuilder.build(spec.model().layers(), spec.model().loss(), splits.train().features(), rng);
            Trainer trainer = new Trainer(net, splits, spec.training(), rng);
            TrainResult t = trainer.run(m -> {
                recorder.epoch(m);
                progress.accept(m);
            }, recorder::layers);
            Status status = t.outcome() == TrainResult.Outcome.DIVERGED ? Status.DIVERGED : Status.COMPLETED;
            return new RunResult(run, status, t.epochs(), t.last(), t.best(), seconds(t0), t.reason());
        } catch (RuntimeException | OutOfMemoryError e) {
            String reason = e instanceof OutOfMemoryError oom ? Memory.outOfMemory("this run", oom)
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new RunResult(run, Status.FAILED, 0, null, null, seconds(t0), Printable.escape(reason));
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
