package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mean curves over runs of different lengths and with missing values. */
class EpochCurveTest {
    private static EpochCurve.Run run(List<Map<String, String>> rows) {
        return EpochCurve.Run.of(rows, List.of("val_loss", "train_loss"));
    }

    @Test
    void eachEpochAveragesTheRunsThatHaveIt() {
        // run a stopped early after epoch 1; run b's epoch 1 has no value
        List<Map<String, String>> a = List.of(Map.of("epoch", "0", "val_loss", "2"), Map.of("epoch", "1", "val_loss", "1"));
        List<Map<String, String>> b = List.of(Map.of("epoch", "0", "val_loss", "4"), Map.of("epoch", "1", "val_loss", ""),
                Map.of("epoch", "2", "val_loss", "0.5"));
        EpochCurve c = EpochCurve.of(List.of(run(a), run(b)), "val_loss");
        assertArrayEquals(new double[] {0, 1, 2}, c.epochs());
        assertArrayEquals(new double[] {3, 1, 0.5}, c.mean());
        assertArrayEquals(new double[] {2, 1, 0.5}, c.low());
        assertArrayEquals(new double[] {4, 1, 0.5}, c.high());
        assertTrue(c.hasSpread());
    }

    @Test
    void emptyColumnGivesAnEmptyCurve() {
        List<Map<String, String>> a = List.of(Map.of("epoch", "0", "val_loss", ""), Map.of("epoch", "1", "val_loss", ""));
        EpochCurve c = EpochCurve.of(List.of(run(a)), "val_loss");
        assertTrue(c.isEmpty());
        assertEquals(0, c.epochs().length);
        assertFalse(EpochCurve.of(List.of(run(a)), "val_loss").hasSpread());
    }

    @Test
    void aSingleRunKeepsItsGaps() {
        List<Map<String, String>> a = List.of(Map.of("epoch", "0", "train_loss", "2"),
                Map.of("epoch", "1", "train_loss", "Infinity"), Map.of("epoch", "2", "train_loss", ""));
        EpochCurve c = EpochCurve.single(run(a), "train_loss");
        assertArrayEquals(new double[] {2, Double.POSITIVE_INFINITY, Double.NaN}, c.mean());
    }
}
