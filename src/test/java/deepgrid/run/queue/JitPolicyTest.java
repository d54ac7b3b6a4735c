package deepgrid.run.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which plans leave the optimising compiler out: the tiny grids, not runs on real data. */
class JitPolicyTest {
    private static double work(String file, String... sets) {
        DataLoader loader = new DataLoader();
        return JitPolicy.work(List.of(Planner.plan(Path.of(file), List.of(sets), loader::load)), loader);
    }

    @Test
    void multiplyAddsByHand() {
        // xor.yaml of bench/tiny-grids: 2 inputs, dense 4, dense 1 → 2·4 + 4·1 = 12 per sample; 4 training
        // samples (forward and backward: × 3) and every split evaluated (the logic table is its test split too:
        // 8): (50 epochs + epoch 0) × (3 × 4 + 8) × 12 = 12,240 a run, 400 runs
        assertEquals(400 * 51 * 20 * 12, work("bench/tiny-grids/xor.yaml"), 1e-6);
    }

    @Test
    void theTinyGridIsLightTheSpiralAndRealDataAreNot() {
        assertTrue(JitPolicy.light(work("bench/tiny-grids/xor.yaml"), null), "400 XOR runs");
        assertFalse(JitPolicy.light(work("bench/tiny-grids/spiral.yaml"), null), "20 spiral runs of a 2-100-3 net");
        assertFalse(JitPolicy.light(work("experiments/spiral-activations.yaml"), null));
    }

    @Test
    void theVariableDecidesWhenSet() {
        assertTrue(JitPolicy.light(1e12, "light"));
        assertFalse(JitPolicy.light(1, "full"));
        assertTrue(JitPolicy.light(1, " "), "blank: the plan decides");
    }
}
