package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.run.grid.search.PrunerSpec.Reference;
import deepgrid.run.grid.search.StopRule.Decision;
import deepgrid.run.grid.search.StopRule.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Design §5 on hand-made rung tables: the decisions are worked out in the comments. */
class PrunerTest {
    static Reference done(double... curve) {
        return new Reference(TrialState.COMPLETED, curve);
    }

    @Test
    void ashaRungsAreAtMinEpochsTimesReductionPowersBeforeTheLastEpoch() {
        var rule = (StopRule.AshaRule) new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 10, List.of());
        assertEquals(List.of(1, 3, 9), List.copyOf(rule.rungs().keySet()));
        assertEquals(List.of(1, 3, 9), new PrunerSpec.Asha(1, 3).decisionEpochs(10));
        assertEquals(List.of(2, 3), new PrunerSpec.Median(5, 2).decisionEpochs(4));
        var two = (StopRule.AshaRule) new PrunerSpec.Asha(2, 2).rule(Goal.MAXIMIZE, 16, List.of());
        assertEquals(List.of(2, 4, 8), List.copyOf(two.rungs().keySet())); // 16 is the last epoch: no decision there
    }

    @Test
    void ashaKeepsTheBestThirdOfTheReferencesPlusItself() {
        // rung epoch 1 values of five references: 0.5 0.6 0.7 0.8 0.4; reduction 3
        List<Reference> refs = List.of(done(0, 0.5, 0.6), done(0, 0.6, 0.7), done(0, 0.7, 0.7),
                new Reference(TrialState.PRUNED, new double[] {0, 0.8}), done(0, 0.4, 0.9));
        StopRule rule = new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 3, refs);
        // C = refs + v has 6 values: keep ⌊6/3⌋ = 2 → the cutoff is the 2nd best
        assertEquals(new Decision(0, 1, 0.75, 0.75, Verdict.CONTINUE), rule.judge(1, new double[] {0, 0.75}));
        assertEquals(new Decision(0, 1, 0.7, 0.75, Verdict.PRUNE).verdict(), rule.judge(1, new double[] {0, 0.65}).verdict());
        assertEquals(0.7, rule.judge(1, new double[] {0, 0.65}).cutoff()); // C sorted: .8 .7 .65 .6 .5 .4
        assertNull(rule.judge(2, new double[] {0, 0.9, 0.1}));
    }

    @Test
    void ashaWithFewReferencesContinuesOnlyTheBest() {
        StopRule rule = new PrunerSpec.Asha(1, 3).rule(Goal.MINIMIZE, 5, List.of(done(2, 1.0)));
        // |C| = 2: keep max(1, ⌊2/3⌋) = 1, so a loss must beat 1.0 (ties go on, as in Optuna)
        assertEquals(Verdict.CONTINUE, rule.judge(1, new double[] {2, 1.0}).verdict());
        assertEquals(Verdict.PRUNE, rule.judge(1, new double[] {2, 1.1}).verdict());
        // no references at all: the trial is the best of itself
        assertEquals(Verdict.CONTINUE, new PrunerSpec.Asha(1, 3).rule(Goal.MINIMIZE, 5, List.of())
                .judge(1, new double[] {2, 9.0}).verdict());
    }

    @Test
    void ashaPrunesNaNAndIgnoresNaNAndFailedReferences() {
        List<Reference> refs = List.of(done(0, Double.NaN), new Reference(TrialState.FAILED, new double[] {0, 0.99}));
        StopRule rule = new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 5, refs);
        assertEquals(0, ((StopRule.AshaRule) rule).rungs().get(1).length);
        Decision d = rule.judge(1, new double[] {0, Double.NaN});
        assertEquals(Verdict.PRUNE, d.verdict());
        assertEquals(Double.NaN, d.cutoff());
    }

    @Test
    void medianComparesTheBestSoFarWithTheMedianAtThatEpoch() {
        // completed references at epochs 1, 2: (0.5, 0.6) (0.7, 0.8) (0.6, 0.9) (0.4, -) → medians 0.55, 0.8
        List<Reference> refs = List.of(done(0, 0.5, 0.6), done(0, 0.7, 0.8), done(0, 0.6, 0.9), done(0, 0.4),
                new Reference(TrialState.PRUNED, new double[] {0, 0.99, 0.99}));
        StopRule rule = new PrunerSpec.Median(3, 0).rule(Goal.MAXIMIZE, 4, refs);
        assertEquals(Map.of(1, 0.55, 2, 0.8), ((StopRule.MedianRule) rule).medians());
        assertEquals(new Decision(-1, 1, 0.56, 0.55, Verdict.CONTINUE), rule.judge(1, new double[] {0, 0.56}));
        // best so far 0.79 (epoch 1) is below the median 0.8 of epoch 2
        assertEquals(new Decision(-1, 2, 0.79, 0.8, Verdict.PRUNE), rule.judge(2, new double[] {0, 0.79, 0.3}));
        assertNull(rule.judge(3, new double[] {0, 0.79, 0.8, 0.9}), "no reference value at epoch 3");
    }

    @Test
    void medianWaitsForStartupAndWarmup() {
        List<Reference> refs = List.of(done(0, 0.5, 0.6, 0.7), done(0, 0.7, 0.8, 0.9));
        assertEquals(new StopRule.Never(), new PrunerSpec.Median(3, 0).rule(Goal.MAXIMIZE, 4, refs));
        var rule = (StopRule.MedianRule) new PrunerSpec.Median(2, 2).rule(Goal.MAXIMIZE, 4, refs);
        assertEquals(List.of(2, 3), List.copyOf(rule.medians().keySet()));
    }

    @Test
    void replayGivesEveryRowUpToThePrune() {
        StopRule rule = new PrunerSpec.Asha(1, 2).rule(Goal.MAXIMIZE, 8, List.of(done(0, 0.5, 0.6, 0.7, 0.8, 0.8)));
        // rungs 1, 2, 4: epoch 1 0.6 ≥ 0.6 goes on (|C| = 2, keep 1); epoch 2 0.55 < 0.7 is pruned
        List<Decision> rows = rule.replay(new double[] {0, 0.6, 0.55, 0.9, 0.9});
        assertEquals(List.of(new Decision(0, 1, 0.6, 0.6, Verdict.CONTINUE), new Decision(1, 2, 0.55, 0.6, Verdict.PRUNE)),
                rows);
    }

    @Test
    void rulesTravelAsOneLineOfText() {
        List<Reference> refs = List.of(done(0, 0.1, 0.2, 0.3, 0.4), done(0, 0.15, 0.25, 0.35, 1.0 / 3));
        for (StopRule rule : List.of(new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 5, refs),
                new PrunerSpec.Median(1, 0).rule(Goal.MINIMIZE, 5, refs), new StopRule.Never(),
                new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 5, List.of()))) {
            StopRule back = StopRule.decode(rule.encode());
            for (double[] curve : List.of(new double[] {0, 0.12, 0.3, 0.2, 0.4}, new double[] {0, 0.2, 0.1, 0.36, 0.5})) {
                assertEquals(rule.replay(curve), back.replay(curve), rule.encode());
            }
        }
        assertEquals("asha maximize 3 1:0.1,0.15 3:0.3,0.35", new PrunerSpec.Asha(1, 3).rule(Goal.MAXIMIZE, 5, refs).encode());
        assertThrows(IllegalArgumentException.class, () -> StopRule.decode("asha up 3"));
    }
}
