package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.run.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics.csv rows and a run status become the curve and state the search reads. */
class CurvesTest {
    @Test
    void metricsRowsBecomeACurve() {
        var rows = List.of(Map.of("epoch", "0", "val_accuracy", "0.1"), Map.of("epoch", "1", "val_accuracy", "0.5"),
                Map.of("epoch", "2", "val_accuracy", ""), Map.of("epoch", "3", "val_accuracy", "Infinity"));
        TrialResult.RunCurve c = Curves.of(Status.PRUNED, rows, "val_accuracy");
        assertEquals(TrialState.PRUNED, c.state());
        assertArrayEquals(new double[] {0.1, 0.5, Double.NaN, Double.POSITIVE_INFINITY}, c.curve());
        assertEquals(3, c.epochs());
    }

    @Test
    void everyStatusHasAState() {
        for (Status s : Status.values()) {
            assertEquals(s.name(), Curves.state(s).name());
        }
    }
}
