package deepgrid.run.grid.search;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011; Optuna's TPESampler, design §4):
 * split the trials into a good group ("below") and the rest ("above"), fit a Parzen estimator
 * l(x) to the good and g(x) to the rest, draw 24 candidates from l and keep the one that
 * maximises log l(x) − log g(x).
 */
final class Tpe {
    /** Candidates drawn from l(x) per proposal (Optuna's n_ei_candidates). */
    static final int CANDIDATES = 24;

    private Tpe() {
    }

    /** A finished trial as TPE ranks it. */
    record Ranked(int trial, TrialState state, double objective, int epochs, double lastValue) {
    }

    /** The good group: γ(n) = min(⌈0.1·n⌉, 25) of n finished trials. */
    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * The trial numbers of the good group, in trial order: completed (and diverged) trials best
     * objective first (NaN last, ties by trial number), the first γ(n); if fewer, filled with
     * pruned trials ranked by epochs reached (more first), then value at their last epoch.
     * Every other finished trial, and every running one, is in the other group.
     */
    static List<Integer> below(List<Ranked> finished, Goal goal) {
        int nBelow = gamma(finished.size());
        Comparator<Ranked> byTrial = Comparator.comparingInt(Ranked::trial);
        List<Ranked> completed = new ArrayList<>(finished.stream().filter(r -> r.state() != TrialState.PRUNED).toList());
        completed.sort(Comparator.comparing(Ranked::objective, goal.bestFirst()).thenComparing(byTrial));
        List<Ranked> pruned = new ArrayList<>(finished.stream().filter(r -> r.state() == TrialState.PRUNED).toList());
        pruned.sort(Comparator.comparingInt(Ranked::epochs).reversed()
                .thenComparing(Ranked::lastValue, goal.bestFirst()).thenComparing(byTrial));
        List<Ranked> ranked = new ArrayList<>(completed);
        ranked.addAll(pruned);
        return ranked.subList(0, nBelow).stream().map(Ranked::trial).sorted().toList();
    }

    /** The candidate maximising log l(x) − log g(x); rows of {@code below} and {@code above} in trial order. */
    static double[] propose(List<Domain> domains, double[][] below, double[][] above, Rng rng) {
        ParzenEstimator l = ParzenEstimator.fit(domains, below);
        ParzenEstimator g = ParzenEstimator.fit(domains, above);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            if (best == null || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return best;
    }
}
