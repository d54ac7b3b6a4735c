package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code search.pruner}: none, the median rule, or asynchronous successive halving (ASHA),
 * each made deterministic by comparing a trial only with reference trials that had ended
 * when it started (design §5). {@link #rule} turns the spec and those references into the
 * {@link StopRule} the trial's run applies epoch by epoch.
 */
public sealed interface PrunerSpec {
    /** A reference run for pruning: how it ended and its objective metric per epoch (index = epoch). */
    record Reference(TrialState state, double[] curve) {
    }

    /** The stop rule of one run lasting {@code epochs} epochs, given the reference runs. */
    StopRule rule(Goal goal, int epochs, List<Reference> references);

    /** The form written to space.yaml. */
    Object resolved();

    /** The epochs at which a run of {@code epochs} epochs may be judged (for {@code deepgrid plan}). */
    List<Integer> decisionEpochs(int epochs);

    /** No pruning: every trial trains all its epochs. */
    record None() implements PrunerSpec {
        @Override
        public StopRule rule(Goal goal, int epochs, List<Reference> references) {
            return new StopRule.Never();
        }

        @Override
        public Object resolved() {
            return "none";
        }

        @Override
        public List<Integer> decisionEpochs(int epochs) {
            return List.of();
        }
    }

    /**
     * Optuna's MedianPruner: once {@code startup} reference trials have completed, from epoch
     * max(1, warmup_epochs) on, prune when the trial's best value so far is worse than the
     * median of the completed reference trials' values at exactly that epoch.
     */
    record Median(int startup, int warmupEpochs) implements PrunerSpec {
        @Override
        public StopRule rule(Goal goal, int epochs, List<Reference> references) {
            List<double[]> completed = references.stream().filter(r -> r.state() == TrialState.COMPLETED)
                    .map(Reference::curve).toList();
            if (completed.size() < startup) {
                return new StopRule.Never();
            }
            Map<Integer, Double> medians = new TreeMap<>();
            for (int t = Math.max(1, warmupEpochs); t < epochs; t++) {
                List<Double> values = valuesAt(completed, t);
                if (!values.isEmpty()) {
                    medians.put(t, StopRule.median(values));
                }
            }
            return new StopRule.MedianRule(goal, medians);
        }

        @Override
        public Object resolved() {
            return ordered("median", "startup", startup, "warmup_epochs", warmupEpochs);
        }

        @Override
        public List<Integer> decisionEpochs(int epochs) {
            List<Integer> out = new ArrayList<>();
            for (int t = Math.max(1, warmupEpochs); t < epochs; t++) {
                out.add(t);
            }
            return out;
        }
    }

    /**
     * Asynchronous successive halving (Li et al. 2020, arXiv:1810.05934; Optuna's
     * SuccessiveHalvingPruner): rungs at epochs min_epochs·reduction^k; at a rung a trial goes
     * on iff it is within the best max(1, ⌊|C|/reduction⌋) of C, the reference trials' values
     * at that epoch plus its own.
     */
    record Asha(int minEpochs, int reduction) implements PrunerSpec {
        @Override
        public StopRule rule(Goal goal, int epochs, List<Reference> references) {
            List<double[]> curves = references.stream().filter(r -> r.state().informs()).map(Reference::curve).toList();
            Map<Integer, double[]> rungs = new TreeMap<>();
            for (int s : decisionEpochs(epochs)) {
                rungs.put(s, valuesAt(curves, s).stream().mapToDouble(Double::doubleValue).toArray());
            }
            return new StopRule.AshaRule(goal, reduction, rungs);
        }

        /** The rung epochs min_epochs·reduction^k below {@code epochs}. */
        @Override
        public List<Integer> decisionEpochs(int epochs) {
            List<Integer> out = new ArrayList<>();
            for (long s = minEpochs; s < epochs; s *= reduction) {
                out.add((int) s);
            }
            return out;
        }

        @Override
        public Object resolved() {
            return ordered("asha", "min_epochs", minEpochs, "reduction", reduction);
        }
    }

    /** {type: name, k1: v1, k2: v2} in this order. */
    private static Map<String, Object> ordered(String type, String k1, int v1, String k2, int v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", type);
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** The finite values at epoch t of the curves that reached it. */
    private static List<Double> valuesAt(List<double[]> curves, int t) {
        List<Double> out = new ArrayList<>();
        for (double[] c : curves) {
            if (t < c.length && Double.isFinite(c[t])) {
                out.add(c[t]);
            }
        }
        return out;
    }
}
