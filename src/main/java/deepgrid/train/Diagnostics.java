package deepgrid.train;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Layer;
import deepgrid.nn.Network;
import deepgrid.nn.Phase;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.train.DiagnosticsSpec.Output;
import deepgrid.train.DiagnosticsSpec.Snapshots;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Everything a run records about itself besides metrics.csv, as the {@link DiagnosticsSpec}
 * asks: layers.csv statistics, activation histograms, decision boundaries, events and the
 * confusion matrix. Order of use: {@link #start}; per epoch {@link #startEpoch}, for sampled
 * batches {@link #afterBackward} and {@link #afterStep}, then {@link #endEpoch}; finally
 * {@link #end}. It only reads the network and runs evaluation-mode forward passes.
 */
final class Diagnostics {
    /** Training samples drawn on a boundary map, at most. */
    static final int MAX_POINTS = 1000;

    /** The splits the diagnostics look at: the training split, and the one the confusion matrix is of. */
    record Data(Encoded train, Encoded held, String heldName) {
    }

    private final Network net;
    private final Data data;
    private final DiagnosticsSpec spec;
    private final TrainingLog log;
    private final FlatMatrix probe; // (probe × features): the first training samples
    private final LayerMonitor monitor; // null when neither layers.csv nor events are wanted
    private final EventWatch events;
    private final Predictions predictions;
    private final Boundaries boundaries; // null unless the data has two inputs and classes
    private int lastHistogram = -1;
    private int lastBoundary = -1;

    Diagnostics(Network net, Data data, DiagnosticsSpec spec, TrainingLog log) {
        this.net = net;
        this.data = data;
        this.spec = spec;
        this.log = log;
        int rows = Math.min(spec.probe(), data.train().size());
        this.probe = data.train().rows(Trainer.identity(data.train().size()), 0, rows).x();
        boolean watch = spec.has(Output.LAYERS) || spec.has(Output.EVENTS);
        this.monitor = watch ? new LayerMonitor(net) : null;
        this.predictions = new Predictions(net);
        this.events = new EventWatch(spec.events(), chance(data.train()));
        boolean twoInputs = data.train().inputs().cols() == 2 && data.train().classes() > 0;
        this.boundaries = spec.has(Output.BOUNDARY) && twoInputs && data.train().size() > 0
                ? new Boundaries(data.train(), spec.boundary().resolution(), predictions) : null;
    }

    /** Before epoch 0: the training points of the boundary maps. */
    void start() {
        if (boundaries != null) {
            log.boundaryPoints(boundaries.points(MAX_POINTS));
        }
    }

    void startEpoch() {
        if (monitor != null) {
            monitor.startEpoch();
        }
    }

    void afterBackward() {
        if (monitor != null) {
            monitor.afterBackward();
        }
    }

    void afterStep() {
        if (monitor != null) {
            monitor.afterStep();
        }
    }

    /** Everything due after epoch {@code m.epoch()} has been evaluated. */
    void endEpoch(EpochMetrics m) {
        int e = m.epoch();
        boolean histogramsDue = spec.has(Output.HISTOGRAMS) && spec.histograms().epochs().includes(e);
        // the probe's layer outputs, read once for everything this epoch shows
        List<RealMatrix> outputs = monitor != null || histogramsDue ? net.layerOutputs(probe, Phase.EVAL) : List.of();
        List<LayerMetrics> rows = monitor == null ? List.of() : monitor.endEpoch(e, outputs);
        if (spec.has(Output.LAYERS)) {
            log.layers(rows);
        }
        if (histogramsDue) {
            histograms(e, outputs);
        }
        if (boundaries != null && spec.boundary().epochs().includes(e)) {
            boundary(e);
        }
        if (spec.has(Output.EVENTS)) {
            events.check(m, rows).forEach(log::event);
        }
    }

    /** The snapshots of the last epoch and the confusion matrix; none of them after divergence (the network is NaN). */
    void end(TrainResult result) {
        if (result.outcome() == TrainResult.Outcome.DIVERGED) {
            return;
        }
        int last = result.last().epoch();
        if (spec.has(Output.HISTOGRAMS) && wantsLast(spec.histograms().epochs()) && lastHistogram != last) {
            histograms(last, net.layerOutputs(probe, Phase.EVAL));
        }
        if (boundaries != null && wantsLast(spec.boundary().epochs()) && lastBoundary != last) {
            boundary(last);
        }
        if (spec.has(Output.CONFUSION) && data.held().classes() > 0 && data.held().size() > 0) {
            log.confusion(Confusions.of(data, predictions, spec.confusion().mistakes()));
        }
    }

    private static boolean wantsLast(Snapshots s) {
        return s.last() == Snapshots.Last.INCLUDED;
    }

    /** The histograms of {@code outputs}, the probe's output of every layer. */
    private void histograms(int epoch, List<RealMatrix> outputs) {
        List<Histogram> out = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            RealMatrix a = outputs.get(i);
            if (l instanceof ActivationLayer al) {
                HistogramBins bins = HistogramBins.of(al.activation().name(), spec.histograms().bins());
                out.add(new Histogram(epoch, i + 1, l.describe(), bins.bins(), bins.count(FlatMatrix.of(a).data())));
            }
        }
        lastHistogram = epoch;
        log.histograms(out);
    }

    private void boundary(int epoch) {
        lastBoundary = epoch;
        log.boundary(boundaries.map(epoch));
    }

    /** The train accuracy of always answering the most frequent class; NaN for regression. */
    static double chance(Encoded train) {
        if (train.classes() == 0 || train.size() == 0) {
            return Double.NaN;
        }
        int[] counts = new int[Math.max(2, train.classes())];
        for (int label : Predictions.labels(train.targets())) {
            counts[label]++;
        }
        return (double) java.util.Arrays.stream(counts).max().getAsInt() / train.size();
    }
}
