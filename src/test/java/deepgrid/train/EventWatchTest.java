package deepgrid.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.train.HealthEvent.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training-health events on hand-made epochs: each (event, layer) once, at its first epoch. */
class EventWatchTest {
    private static final DiagnosticsSpec.Thresholds T = DiagnosticsSpec.Thresholds.defaults(50); // stuck: 10 epochs

    private static EpochMetrics epoch(int e, double loss, double accuracy) {
        return new EpochMetrics(e, new SplitMetrics(loss, accuracy), SplitMetrics.NONE, SplitMetrics.NONE, 0, 0.1,
                new EpochMetrics.Timing(0, 0));
    }

    private static LayerMetrics dense(int e, int layer, double grad, double ratio) {
        return new LayerMetrics(e, layer, "dense(8)", new LayerMetrics.Activations(0, 1, Double.NaN, Double.NaN), grad,
                ratio);
    }

    private static LayerMetrics act(int e, int layer, String kind, double saturated, double dead) {
        return new LayerMetrics(e, layer, kind, new LayerMetrics.Activations(0, 1, saturated, dead), Double.NaN,
                Double.NaN);
    }

    private static List<Type> types(List<HealthEvent> events) {
        return events.stream().map(HealthEvent::type).toList();
    }

    @Test
    void activationEventsShowAtEpochZeroAndOnlyOnce() {
        EventWatch w = new EventWatch(T, 0.5);
        List<HealthEvent> first = w.check(epoch(0, 0.7, 0.5), List.of(dense(0, 1, Double.NaN, Double.NaN),
                act(0, 2, "sigmoid", 0.8, 0), act(0, 3, "relu", Double.NaN, 0.75)));
        assertEquals(List.of(new HealthEvent(0, 2, "sigmoid", Type.SATURATED, 0.8, 0.5),
                new HealthEvent(0, 3, "relu", Type.DEAD_UNITS, 0.75, 0.5)), first);
        assertEquals(List.of(), w.check(epoch(1, 0.6, 0.7), List.of(act(1, 2, "sigmoid", 0.9, 0),
                act(1, 3, "relu", Double.NaN, 0.8))), "already reported");
    }

    @Test
    void gradientsCompareTheFirstLayerWithTheLast() {
        EventWatch w = new EventWatch(T, 0.5);
        w.check(epoch(0, 0.7, 0.5), List.of());
        List<HealthEvent> e = w.check(epoch(1, 0.6, 0.7), List.of(dense(1, 1, 1e-4, 1e-3), dense(1, 3, 0.5, 1e-3),
                dense(1, 5, 1.0, 1e-3)));
        assertEquals(List.of(new HealthEvent(1, 1, "dense(8)", Type.VANISHING_GRADIENTS, 1e-4, 1e-3)), e);
        EventWatch x = new EventWatch(T, 0.5);
        x.check(epoch(0, 0.7, 0.5), List.of());
        assertEquals(List.of(Type.EXPLODING_GRADIENTS), types(x.check(epoch(1, 0.6, 0.7),
                List.of(dense(1, 1, 2000, 1e-3), dense(1, 3, 1.0, 1e-3)))));
    }

    @Test
    void updateRatioHighPerLayerLowOnlyWhenEvenTheFastestLayerCrawls() {
        EventWatch w = new EventWatch(T, 0.5);
        w.check(epoch(0, 0.7, 0.5), List.of());
        assertEquals(List.of(new HealthEvent(1, 3, "dense(8)", Type.UPDATE_RATIO_HIGH, 1.5, 1.0)),
                w.check(epoch(1, 0.6, 0.7), List.of(dense(1, 1, 1, 1e-9), dense(1, 3, 1, 1.5))),
                "one layer starved, another racing: not a learning rate too low");
        EventWatch slow = new EventWatch(T, 0.5);
        slow.check(epoch(0, 0.7, 0.5), List.of());
        assertEquals(List.of(new HealthEvent(1, 3, "dense(8)", Type.UPDATE_RATIO_LOW, 5e-7, 1e-6)),
                slow.check(epoch(1, 0.7, 0.5), List.of(dense(1, 1, 1, 1e-8), dense(1, 3, 1, 5e-7))));
        EventWatch dead = new EventWatch(T, 0.5);
        dead.check(epoch(0, 0.7, 0.5), List.of());
        assertEquals(List.of(Type.VANISHING_GRADIENTS), types(dead.check(epoch(1, 0.7, 0.5),
                List.of(dense(1, 1, 0, 0), dense(1, 3, 1, 0)))), "no gradient at all: not the learning rate's fault");
    }

    @Test
    void divergingWhenTheLossIsNotFiniteOrTenTimesEpochZeros() {
        EventWatch w = new EventWatch(T, 0.5);
        assertEquals(List.of(), w.check(epoch(0, 0.7, 0.5), List.of()));
        assertEquals(List.of(), w.check(epoch(1, 6.9, 0.5), List.of()));
        assertEquals(List.of(new HealthEvent(2, 0, "", Type.DIVERGING, 7.5, 7.0)), w.check(epoch(2, 7.5, 0.5), List.of()));
        EventWatch nan = new EventWatch(T, 0.5);
        nan.check(epoch(0, 0.7, 0.5), List.of());
        assertEquals(List.of(Type.DIVERGING), types(nan.check(epoch(1, Double.NaN, Double.NaN), List.of())));
    }

    @Test
    void stuckNeedsAccuracyAtChanceAndAFlatLossForTheWholeWindow() {
        EventWatch w = new EventWatch(T, 0.5); // chance 0.5 + 0.01
        w.check(epoch(0, 0.70, 0.5), List.of());
        for (int e = 1; e < 10; e++) {
            assertEquals(List.of(), w.check(epoch(e, 0.70, 0.505), List.of()), "epoch " + e + " is within the window");
        }
        assertEquals(List.of(new HealthEvent(10, 0, "", Type.STUCK_AT_CHANCE, 0.505, 0.51)),
                w.check(epoch(10, 0.699, 0.505), List.of()));

        EventWatch learning = new EventWatch(T, 0.5);
        learning.check(epoch(0, 0.70, 0.5), List.of());
        for (int e = 1; e <= 12; e++) { // at chance, but the loss falls 2% per epoch: a slow start, not stuck
            assertEquals(List.of(), learning.check(epoch(e, 0.70 * Math.pow(0.98, e), 0.5), List.of()));
        }
        EventWatch regression = new EventWatch(T, Double.NaN);
        for (int e = 0; e <= 12; e++) {
            assertEquals(List.of(), regression.check(epoch(e, 1.0, Double.NaN), List.of()), "no accuracy, no chance");
        }
    }
}
