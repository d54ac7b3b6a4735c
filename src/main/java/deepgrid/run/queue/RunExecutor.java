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
import deepgrid.train.BoundaryMap;
import deepgrid.train.BoundaryPoints;
import deepgrid.train.ConfusionMatrix;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import deepgrid.train.Histogram;
import deepgrid.train.LayerMetrics;
import deepgrid.train.TrainResult;
import deepgrid.train.Trainer;
import deepgrid.train.TrainingLog;
import java.util.List;

/**
 * Trains one run and turns how it ended into a {@link RunResult}: a diverged run is a
 * status, and so is an unexpected error (failed, with its reason), so the queue goes on.
 */
public final class RunExecutor {
    private RunExecutor() {
    }

    /**
     * Builds the network from the run's seed, trains it, and records every epoch and every
     * diagnostic of {@code diagnostics:} with {@code recorder}; {@code listener} hears each
     * epoch's metrics and each new training-health event as they happen (for progress lines).
     */
    public static RunResult execute(RunSpec run, DataLoader loader, RunRecorder recorder, TrainingLog listener) {
        long t0 = System.nanoTime();
        try {
            ExperimentSpec spec = run.spec(); // bound again as it starts: its data may have gone meanwhile
            Splits splits = loader.load(spec.data());
            Rng rng = new Rng(spec.seed());
            Network net = NetworkBuilder.build(spec.model().layers(), spec.model().loss(), splits.train().features(), rng);
            Trainer trainer = new Trainer(net, splits, spec.training(), rng).stopWhen(PruneCheck.of(run.trial()));
            if (splits.train().isClassification()) {
                recorder.classes(splits.train().classes());
            }
            TrainResult t = trainer.run(new Recording(recorder, listener), spec.diagnostics().forRepeat(run.repeat()));
            Status status = switch (t.outcome()) {
                case DIVERGED -> Status.DIVERGED;
                case PRUNED -> Status.PRUNED;
                case COMPLETED -> Status.COMPLETED;
            };
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

    /** Writes every record to the run's files and passes epochs and events on to the listener. */
    private record Recording(RunRecorder recorder, TrainingLog listener) implements TrainingLog {
        @Override
        public void epoch(EpochMetrics m) {
            recorder.epoch(m);
            listener.epoch(m);
        }

        @Override
        public void layers(List<LayerMetrics> rows) {
            recorder.layers(rows);
        }

        @Override
        public void histograms(List<Histogram> histograms) {
            recorder.histograms(histograms);
        }

        @Override
        public void boundaryPoints(BoundaryPoints points) {
            recorder.boundaryPoints(points);
        }

        @Override
        public void boundary(BoundaryMap map) {
            recorder.boundary(map);
        }

        @Override
        public void event(HealthEvent event) {
            recorder.event(event);
            listener.event(event);
        }

        @Override
        public void confusion(ConfusionMatrix matrix) {
            recorder.confusion(matrix);
        }
    }
}
