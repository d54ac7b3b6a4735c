package deepgrid.train;

import deepgrid.train.DiagnosticsSpec.Thresholds;
import deepgrid.train.HealthEvent.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches a run's epochs for training-health events and reports each (event, layer) once,
 * at the first epoch it shows. Activation checks (dead, saturated) start at epoch 0, where
 * a bad initialization already shows; gradient and update checks need an epoch of training.
 */
final class EventWatch {
    /** How far above chance train accuracy may be and still count as "at chance". */
    static final double CHANCE_TOLERANCE = 0.01;
    /** A loss that fell by less than this fraction over the stuck window is flat. */
    static final double FLAT_LOSS = 0.01;

    private final Thresholds t;
    private final double chance;
    private final Set<String> seen = new HashSet<>();
    private final List<double[]> history = new ArrayList<>(); // per epoch: train loss, train accuracy
    private final List<HealthEvent> found = new ArrayList<>();

    /** {@code chance} is the train accuracy of always guessing the largest class (NaN for regression). */
    EventWatch(Thresholds thresholds, double chance) {
        this.t = thresholds;
        this.chance = chance;
    }

    /** The new events of this epoch, given its metrics and its layers.csv rows. */
    List<HealthEvent> check(EpochMetrics m, List<LayerMetrics> layers) {
        found.clear();
        int e = m.epoch();
        history.add(new double[] {m.train().loss(), m.train().accuracy()});
        diverged(e, m.train().loss());
        for (LayerMetrics l : layers) {
            var a = l.activations();
            above(Type.DEAD_UNITS, l, a.dead(), t.dead());
            above(Type.SATURATED, l, a.saturated(), t.saturated());
            if (e > 0) {
                above(Type.UPDATE_RATIO_HIGH, l, l.updateRatio(), t.updateHigh());
            }
        }
        if (e > 0) {
            slow(layers);
        }
        gradients(e, layers);
        stuck(e);
        return List.copyOf(found);
    }

    private void above(Type type, LayerMetrics l, double value, double threshold) {
        if (value > threshold) {
            add(new HealthEvent(l.epoch(), l.layer(), l.kind(), type, value, threshold));
        }
    }

    /**
     * Every layer's steps tiny: the learning rate is too low. Judged on the layer that moves
     * most, so that one layer starved by vanishing gradients is not blamed on the learning rate,
     * and only when it has a gradient at all (dead units and step activations give exactly 0).
     */
    private void slow(List<LayerMetrics> layers) {
        LayerMetrics fastest = null;
        for (LayerMetrics l : layers) {
            if (Double.isFinite(l.updateRatio()) && (fastest == null || l.updateRatio() > fastest.updateRatio())) {
                fastest = l;
            }
        }
        if (fastest != null && fastest.updateRatio() < t.updateLow() && fastest.gradientNorm() > 0) {
            add(new HealthEvent(fastest.epoch(), fastest.layer(), fastest.kind(), Type.UPDATE_RATIO_LOW,
                    fastest.updateRatio(), t.updateLow()));
        }
    }

    /** The first layer's gradient norm against the last layer's (layers with parameters only). */
    private void gradients(int e, List<LayerMetrics> layers) {
        List<LayerMetrics> trained = layers.stream().filter(l -> Double.isFinite(l.gradientNorm())).toList();
        if (trained.size() < 2) {
            return;
        }
        LayerMetrics first = trained.get(0);
        double last = trained.get(trained.size() - 1).gradientNorm();
        if (!(last > 0)) {
            return;
        }
        double ratio = first.gradientNorm() / last;
        if (ratio < t.vanishing()) {
            add(new HealthEvent(e, first.layer(), first.kind(), Type.VANISHING_GRADIENTS, ratio, t.vanishing()));
        } else if (ratio > t.exploding()) {
            add(new HealthEvent(e, first.layer(), first.kind(), Type.EXPLODING_GRADIENTS, ratio, t.exploding()));
        }
    }

    private void diverged(int e, double loss) {
        double initial = history.get(0)[0];
        double limit = t.diverging() * initial;
        if (!Double.isFinite(loss) || (e > 0 && initial > 0 && loss > limit)) {
            add(new HealthEvent(e, 0, "", Type.DIVERGING, loss, limit));
        }
    }

    /** Accuracy within {@link #CHANCE_TOLERANCE} of chance for the last stuckEpochs epochs, and a flat loss. */
    private void stuck(int e) {
        int w = t.stuckEpochs();
        if (Double.isNaN(chance) || e < w) {
            return;
        }
        double limit = chance + CHANCE_TOLERANCE;
        for (int i = e - w + 1; i <= e; i++) {
            if (!(history.get(i)[1] <= limit)) {
                return;
            }
        }
        double before = history.get(e - w)[0];
        double now = history.get(e)[0];
        if (Double.isFinite(now) && before - now < FLAT_LOSS * Math.abs(before)) {
            add(new HealthEvent(e, 0, "", Type.STUCK_AT_CHANCE, history.get(e)[1], limit));
        }
    }

    private void add(HealthEvent event) {
        if (seen.add(event.type() + "@" + event.layer())) {
            found.add(event);
        }
    }
}
