package deepgrid.train;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code diagnostics:} block, resolved: which files a run writes about itself besides
 * metrics.csv, and their settings. {@code probe} is how many training samples (the first
 * ones) layers.csv and histograms.csv describe. None of it changes what the network learns.
 */
public record DiagnosticsSpec(Set<Output> on, int probe, Histograms histograms, Boundary boundary, Confusion confusion,
        Thresholds events) {
    /** The probe batch of the textbook figure of weight initialization (1,000 samples). */
    public static final int PROBE = 1000;

    /** The per-run files that can be turned off, by their YAML key. */
    public enum Output {
        LAYERS("layers"), HISTOGRAMS("histograms"), BOUNDARY("boundary"), CONFUSION("confusion"), EVENTS("events");

        private final String key;

        Output(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * What the run of seed index {@code repeat} records: everything for the first seed of a grid
     * point; no boundary maps for its other seeds. The report draws the first seed's maps only,
     * and a map is 10,000 predictions and rows per snapshot — for a grid of many small runs more
     * than the training costs (README: boundary.csv).
     */
    public DiagnosticsSpec forRepeat(int repeat) {
        if (repeat == 0 || !on.contains(Output.BOUNDARY)) {
            return this;
        }
        Set<Output> fewer = java.util.EnumSet.copyOf(on);
        fewer.remove(Output.BOUNDARY);
        return new DiagnosticsSpec(fewer, probe, histograms, boundary, confusion, events);
    }

    /** Epochs at which a snapshot is taken: fixed epoch numbers, and whether the last trained epoch is one too. */
    public record Snapshots(SortedSet<Integer> epochs, Last last) {
        /** Whether the last trained epoch (known only when training ends) is a snapshot. */
        public enum Last { INCLUDED, EXCLUDED }

        public Snapshots {
            epochs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(epochs));
            if (!epochs.isEmpty() && epochs.first() < 0) {
                throw new IllegalArgumentException("snapshot epochs must be ≥ 0, found " + epochs.first());
            }
        }

        /** Epoch 0, the epochs at ¼, ½ and ¾ of {@code total}, and the last. */
        public static Snapshots spread(int total) {
            SortedSet<Integer> e = new TreeSet<>(List.of(0, total / 4, total / 2, 3 * total / 4));
            return new Snapshots(e, Last.INCLUDED);
        }

        public boolean includes(int epoch) {
            return epochs.contains(epoch);
        }
    }

    /** histograms.csv: at which epochs, with how many bins over each activation's fixed range. */
    public record Histograms(Snapshots epochs, int bins) {
        public static final int MIN_BINS = 20;
        public static final int MAX_BINS = 50;

        public Histograms {
            if (bins < MIN_BINS || bins > MAX_BINS) {
                throw new IllegalArgumentException("bins is " + bins + ", expected " + MIN_BINS + " to " + MAX_BINS);
            }
        }
    }

    /** boundary.csv (data with two input features): at which epochs, on a resolution × resolution grid. */
    public record Boundary(Snapshots epochs, int resolution) {
        public Boundary {
            if (resolution < 2) {
                throw new IllegalArgumentException("resolution is " + resolution + ", expected ≥ 2");
            }
        }
    }

    /** confusion.csv, and mistakes.csv with the {@code mistakes} most confidently wrong samples (0: none). */
    public record Confusion(int mistakes) {
        public Confusion {
            if (mistakes < 0) {
                throw new IllegalArgumentException("mistakes is " + mistakes + ", expected ≥ 0");
            }
        }
    }

    /**
     * When events.csv reports a training-health event (see {@link HealthEvent.Type}):
     * the first layer's gradient norm below {@code vanishing} × the last layer's, or above
     * {@code exploding} ×; more than {@code dead} of a layer's units dead; more than
     * {@code saturated} of its outputs saturated; a step's update/weight ratio above
     * {@code updateHigh} or below {@code updateLow}; train accuracy at chance with a flat loss
     * for {@code stuckEpochs} epochs; the train loss above {@code diverging} × epoch 0's.
     */
    public record Thresholds(double vanishing, double exploding, double dead, double saturated, double updateHigh,
            double updateLow, int stuckEpochs, double diverging) {
        /**
         * The defaults for a run of {@code epochs} epochs: "stuck" needs a fifth of the run (at
         * least 3 epochs), so that a slow start (XOR sits at chance for dozens of its 300 epochs) is not stuck.
         */
        public static Thresholds defaults(int epochs) {
            return new Thresholds(1e-3, 1e3, 0.5, 0.5, 1.0, 1e-6, Math.max(3, epochs / 5), 10);
        }
    }

    public DiagnosticsSpec {
        on = on.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(on));
        if (probe < 1) {
            throw new IllegalArgumentException("probe is " + probe + ", expected ≥ 1");
        }
    }

    /** Every output on, with its default settings, for a run of {@code epochs} epochs. */
    public static DiagnosticsSpec defaults(int epochs) {
        return new DiagnosticsSpec(EnumSet.allOf(Output.class), PROBE,
                new Histograms(new Snapshots(new TreeSet<>(List.of(0)), Snapshots.Last.INCLUDED), 30),
                new Boundary(Snapshots.spread(epochs), 100), new Confusion(10), Thresholds.defaults(epochs));
    }

    /** Nothing but metrics.csv. */
    public static DiagnosticsSpec none() {
        DiagnosticsSpec d = defaults(0);
        return new DiagnosticsSpec(Set.of(), d.probe(), d.histograms(), d.boundary(), d.confusion(), d.events());
    }

    /** This spec with only {@code outputs} on. */
    public DiagnosticsSpec only(Set<Output> outputs) {
        return new DiagnosticsSpec(outputs, probe, histograms, boundary, confusion, events);
    }

    public boolean has(Output o) {
        return on.contains(o);
    }
}
