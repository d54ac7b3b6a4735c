package deepgrid.train;

import deepgrid.data.Splits;
import deepgrid.math.Rng;
import deepgrid.nn.Metrics;
import deepgrid.nn.Network;
import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import deepgrid.nn.optimizers.GradientClipping;
import deepgrid.nn.Penalty;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Trains one network on one data set. Order of use: construct, then {@link #run} once.
 * Every epoch is followed by a full evaluation pass over each split (in {@link Phase#EVAL},
 * so dropout and batch norm don't distort the numbers); epoch 0 is evaluated before any update.
 */
public final class Trainer {
    /** Rows per evaluation forward pass: bounds memory on 60k-sample sets. */
    public static final int EVAL_CHUNK = 1000;

    private final Network net;
    private final Encoded train;
    private final Encoded validation;
    private final Encoded test;
    private final TrainingSpec spec;
    private final Rng shuffleRng;
    /** Batches per epoch whose gradient norms and update ratios layers.csv averages: evenly spaced, so watching costs ~nothing. */
    private static final int GRADIENT_SAMPLES = 20;
    private Diagnostics diagnostics;
    private StopCheck stop = StopCheck.NEVER;

    public Trainer(Network net, Splits splits, TrainingSpec spec, Rng rng) {
        this.net = net;
        var kind = net.lossFunction().targets();
        this.train = Encoded.of(splits.train(), kind);
        this.validation = Encoded.of(splits.validation(), kind);
        this.test = Encoded.of(splits.test(), kind);
        this.spec = spec;
        this.shuffleRng = rng.split("shuffle");
    }

    /** Asks {@code check} after every trained epoch whether to stop there (a search's pruner); before {@link #run}. */
    public Trainer stopWhen(StopCheck check) {
        this.stop = check;
        return this;
    }

    /** Trains, handing every epoch's metrics to {@code listener} as soon as they exist. */
    public TrainResult run(Consumer<EpochMetrics> listener) {
        return run(TrainingLog.of(listener), DiagnosticsSpec.none());
    }

    /**
     * Trains as {@link #run(Consumer)}, and records what {@code spec} asks for about the network
     * (layers.csv statistics on a fixed probe batch, histograms, boundaries, events, the final
     * confusion matrix), handing every record to {@code log} as soon as it exists.
     */
    public TrainResult run(TrainingLog log, DiagnosticsSpec spec) {
        boolean hasTest = test.size() > 0;
        boolean hasValidation = validation.size() > 0;
        var held = new Diagnostics.Data(train, hasTest ? test : hasValidation ? validation : train,
                hasTest ? "test" : hasValidation ? "validation" : "train");
        diagnostics = new Diagnostics(net, held, spec, log);
        diagnostics.start();
        TrainResult result = train(m -> {
            log.epoch(m);
            diagnostics.endEpoch(m);
        });
        diagnostics.end(result);
        return result;
    }

    private TrainResult train(Consumer<EpochMetrics> listener) {
        var opt = spec.optimization();
        Optimizer optimizer = opt.optimizer().create();
        double baseLr = opt.optimizer().lr();
        EpochMetrics last = evaluate(0, spec.epochs() > 0 ? opt.schedule().lr(baseLr, 0, spec.epochs()) : baseLr, 0.0);
        listener.accept(last);
        Watch watch = new Watch(spec.earlyStopping(), validation.size() > 0);
        watch.offer(last);
        for (int epoch = 1; epoch <= spec.epochs() && !diverged(last); epoch++) {
            double lr = opt.schedule().lr(baseLr, epoch - 1, spec.epochs());
            long t0 = System.nanoTime();
            diagnostics.startEpoch();
            trainEpoch(optimizer, lr);
            last = evaluate(epoch, lr, (System.nanoTime() - t0) / 1e9);
            listener.accept(last);
            if (!diverged(last) && stop.stop(last)) { // before early stopping: a pruned run says so
                watch.offer(last);
                return new TrainResult(TrainResult.Outcome.PRUNED, last.epoch(), watch.best(), last,
                        "pruned after epoch " + last.epoch());
            }
            if (!diverged(last) && watch.offer(last)) {
                break;
            }
        }
        if (diverged(last)) {
            return new TrainResult(TrainResult.Outcome.DIVERGED, last.epoch(), watch.best(), last,
                    "training loss became " + (Double.isNaN(last.train().loss()) ? "NaN" : "infinite") + " at epoch "
                            + last.epoch());
        }
        return new TrainResult(TrainResult.Outcome.COMPLETED, last.epoch(), watch.best(), last, "");
    }

    private void trainEpoch(Optimizer optimizer, double lr) {
        int n = train.size();
        int batch = spec.batchSize().resolve(n);
        int[] order = spec.order() == TrainingSpec.Order.SHUFFLE ? shuffleRng.permutation(n) : identity(n);
        List<Param> params = net.params();
        Penalty penalty = spec.optimization().penalty();
        Encoded b = null;
        int batches = (n + batch - 1) / batch;
        int sampleEvery = Math.max(1, batches / GRADIENT_SAMPLES);
        for (int from = 0, k = 0; from < n; from += batch, k++) {
            b = train.rows(order, from, Math.min(n, from + batch), b); // reuses the last batch's storage
            RealMatrix scores = net.scores(b.x(), Phase.TRAIN);
            net.backward(scores, b.targets());
            penalty.addGradient(params);
            boolean sampled = k % sampleEvery == 0;
            if (sampled) {
                diagnostics.afterBackward();
            }
            if (spec.clipGradNorm() > 0) {
                GradientClipping.clipByGlobalNorm(params, spec.clipGradNorm());
            }
            optimizer.step(params, lr);
            if (sampled) {
                diagnostics.afterStep();
            }
        }
    }

    private EpochMetrics evaluate(int epoch, double lr, double trainSeconds) {
        long t0 = System.nanoTime();
        SplitMetrics tr = measure(train);
        SplitMetrics va = measure(validation);
        SplitMetrics te = measure(test);
        double penalty = spec.optimization().penalty().value(net.params());
        var timing = new EpochMetrics.Timing(trainSeconds, (System.nanoTime() - t0) / 1e9);
        return new EpochMetrics(epoch, tr, va, te, penalty, lr, timing);
    }

    /** Mean loss and accuracy over a split, in chunks; NONE for an empty split; no accuracy when the loss is not finite. */
    SplitMetrics measure(Encoded split) {
        int n = split.size();
        if (n == 0) {
            return SplitMetrics.NONE;
        }
        double lossSum = 0.0;
        double correct = 0.0;
        int[] all = identity(n);
        Encoded chunk = null; // storage reused from chunk to chunk, never the split's own
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int to = Math.min(n, from + EVAL_CHUNK);
            if (from > 0 || to < n || !split.inputs().isWhole()) { // a view: gather its rows
                chunk = split.rows(all, from, to, chunk);
            }
            Encoded c = chunk == null ? split : chunk;
            RealMatrix scores = net.scores(c.x(), Phase.EVAL);
            lossSum += net.lossFunction().value(scores, c.targets()) * (to - from);
            if (split.classes() > 0) {
                correct += Metrics.accuracy(net.lossFunction().output(scores), c.targets()) * (to - from);
            }
        }
        double loss = lossSum / n;
        // a network whose loss is NaN or infinite outputs NaN scores somewhere: its argmax means nothing
        boolean meaningful = split.classes() > 0 && Double.isFinite(loss);
        return new SplitMetrics(loss, meaningful ? correct / n : Double.NaN);
    }

    private static boolean diverged(EpochMetrics m) {
        return !Double.isFinite(m.train().loss());
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Tracks the best epoch on the watched metric and decides early stopping. */
    private static final class Watch {
        private final EarlyStopping stopping;
        private final EarlyStopping.Metric metric;
        private EpochMetrics best;
        private double bestValue = Double.NaN;
        private int waited;

        Watch(EarlyStopping stopping, boolean hasValidation) {
            this.stopping = stopping;
            this.metric = stopping != null ? stopping.metric()
                    : hasValidation ? EarlyStopping.Metric.VAL_LOSS : EarlyStopping.Metric.TRAIN_LOSS;
        }

        /** Records an epoch; true when training should stop early. */
        boolean offer(EpochMetrics m) {
            double v = metric.of(m);
            double delta = stopping == null ? 0.0 : stopping.minDelta();
            if (best == null || metric.improves(v, bestValue, delta)) {
                best = m;
                bestValue = v;
                waited = 0;
                return false;
            }
            waited++;
            return stopping != null && m.epoch() > 0 && waited >= stopping.patience();
        }

        EpochMetrics best() {
            return best;
        }
    }

}
