package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Design §4, steps 2–5: γ(n), the good group with pruned trials, and the candidate that maximises l/g. */
class TpeTest {
    @Test
    void gammaIsATenthRoundedUpAtMost25() {
        int[][] cases = {{0, 0}, {1, 1}, {10, 1}, {11, 2}, {95, 10}, {240, 24}, {241, 25}, {250, 25}, {1000, 25}};
        for (int[] c : cases) {
            assertEquals(c[1], Tpe.gamma(c[0]), "γ(" + c[0] + ")");
        }
    }

    @Test
    void theGoodGroupIsTheBestCompletedTrialsInTrialOrder() {
        List<Tpe.Ranked> finished = new ArrayList<>();
        double[] accuracies = {0.5, 0.9, Double.NaN, 0.7, 0.95, 0.6, 0.8, 0.85, 0.3, 0.4, 0.91, 0.2, 0.1};
        for (int i = 0; i < accuracies.length; i++) {
            finished.add(new Tpe.Ranked(i, TrialState.COMPLETED, accuracies[i], 5, accuracies[i]));
        }
        // n = 13 → γ = 2: the two best, 0.95 (trial 4) and 0.91 (trial 10)
        assertEquals(List.of(4, 10), Tpe.below(finished, Goal.MAXIMIZE));
        // minimising, NaN is still the worst: 0.1 (trial 12) and 0.2 (trial 11)
        assertEquals(List.of(11, 12), Tpe.below(finished, Goal.MINIMIZE));
    }

    @Test
    void prunedTrialsFillTheGoodGroupByEpochsThenLastValue() {
        List<Tpe.Ranked> finished = new ArrayList<>();
        finished.add(new Tpe.Ranked(0, TrialState.COMPLETED, 0.6, 9, 0.6));
        for (int i = 1; i < 21; i++) { // 20 pruned trials: n = 21 → γ = 3
            int epochs = i % 2 == 0 ? 3 : 1;
            finished.add(new Tpe.Ranked(i, TrialState.PRUNED, 0.5 + i / 100.0, epochs, 0.5 + i / 100.0));
        }
        // completed first (trial 0), then pruned at 3 epochs with the best last values: trials 20 and 18
        assertEquals(List.of(0, 18, 20), Tpe.below(finished, Goal.MAXIMIZE));
    }

    @Test
    void proposalPrefersWhereGoodTrialsAreAndBadOnesAreNot() {
        Numeric unit = ParzenEstimatorTest.UNIT;
        double[][] below = {{0.2}, {0.22}, {0.25}};
        double[][] above = {{0.7}, {0.8}, {0.9}, {0.75}, {0.85}, {0.6}};
        double[] x = Tpe.propose(List.of(unit), below, above, new Rng(1));
        assertTrue(x[0] < 0.45, "proposed " + x[0]);
        // the same stream gives the same candidate
        assertArrayEquals(x, Tpe.propose(List.of(unit), below, above, new Rng(1)));
    }
}
