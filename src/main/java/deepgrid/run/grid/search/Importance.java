package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter importance by PED-ANOVA (Watanabe et al. 2023, arXiv:2304.10255; Optuna's
 * PedAnovaImportanceEvaluator): how differently a parameter is distributed among the top
 * 10% of completed trials than among all of them. Each parameter's values are counted on a
 * grid of at most 50 points (in log space for log ranges), both sets smoothed by a 1-D Parzen
 * estimator with Scott's bandwidth, and compared by the Pearson divergence
 * Σ_k p_all(k)·(p_top(k)/p_all(k) − 1)²; importances are normalised to sum to 1. Only the
 * parameters every completed trial has are rated (Optuna's rule); a conditional branch's are not.
 */
public final class Importance {
    static final double QUANTILE = 0.1;
    static final int MIN_TOP = 2;
    static final int GRID = 50;

    private Importance() {
    }

    /** parameter → importance, most important first. */
    public static Map<String, Double> of(Space space, Goal goal, List<Assignment> params, List<Double> objectives) {
        List<Param> rated = space.params().stream().filter(p -> !p.isConditional() && p.domain().size() != 1).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        if (rated.isEmpty()) {
            return out;
        }
        int n = params.size();
        if (n <= MIN_TOP) {
            rated.forEach(p -> out.put(p.name(), 1.0 / rated.size()));
            return out;
        }
        boolean[] top = top(goal, objectives);
        Map<String, Double> raw = new LinkedHashMap<>();
        double sum = 0;
        for (Param p : rated) {
            double[] all = counts(p, params, null);
            double[] best = counts(p, params, top);
            double d = divergence(p.domain() instanceof Categorical, best, all);
            raw.put(p.name(), d);
            sum += d;
        }
        final double total = sum;
        raw.forEach((k, v) -> out.put(k, total > 0 ? v / total : 1.0 / rated.size()));
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(out.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        Map<String, Double> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * The top trials: losses (objectives, negated when maximising) at most max(the 2nd smallest,
     * the ⌈0.1·n⌉-th smallest) — at least two trials, ties included.
     */
    static boolean[] top(Goal goal, List<Double> objectives) {
        double[] loss = objectives.stream().mapToDouble(v -> goal == Goal.MAXIMIZE ? -v : v).toArray();
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        int q = (int) Math.ceil(QUANTILE * loss.length) - 1;
        double cutoff = Math.max(sorted[MIN_TOP - 1], sorted[Math.max(0, q)]);
        boolean[] keep = new boolean[loss.length];
        for (int i = 0; i < loss.length; i++) {
            keep[i] = loss[i] <= cutoff;
        }
        return keep;
    }

    /**
     * How many of the (selected) trials fall on each grid point or option: a value goes to the
     * first grid point at or above value − half a grid step (numpy.searchsorted, as Optuna).
     */
    static double[] counts(Param p, List<Assignment> params, boolean[] selected) {
        double[] grid = p.domain() instanceof Numeric n ? grid(n) : null;
        double[] counts = new double[grid == null ? (int) p.domain().size() : grid.length];
        for (int i = 0; i < params.size(); i++) {
            if (selected != null && !selected[i]) {
                continue;
            }
            double v = params.get(i).get(p.name());
            if (grid == null) {
                counts[(int) v]++;
                continue;
            }
            double half = grid.length > 1 ? (grid[1] - grid[0]) / 2 : 0;
            double x = ((Numeric) p.domain()).toInternal(v) - half;
            int k = 0;
            while (k < grid.length - 1 && grid[k] < x) {
                k++;
            }
            counts[k]++;
        }
        return counts;
    }

    /** The grid of a numeric range in its transformed space: ≤ 50 points, fewer for a short discrete range. */
    static double[] grid(Numeric n) {
        int steps = GRID;
        if (n.kind() == Numeric.Kind.INT && n.scale() == Numeric.Scale.LOG) {
            steps = Math.min(steps, (int) Math.ceil(Math.log(n.hi() - n.lo() + 1) / Math.log(2)) + 1);
        } else if (n.step() != null) {
            steps = (int) Math.min(steps, n.size());
        }
        double a = n.toInternal(n.lo());
        double b = n.toInternal(n.hi());
        double[] g = new double[steps];
        for (int k = 0; k < steps; k++) {
            g[k] = steps == 1 ? a : a + k * (b - a) / (steps - 1);
        }
        return g;
    }

    private static double divergence(boolean categorical, double[] top, double[] all) {
        double[] pTop = ScottParzen.pdf(categorical, top);
        double[] pAll = ScottParzen.pdf(categorical, all);
        double d = 0;
        for (int k = 0; k < pTop.length; k++) {
            double t = pTop[k] + 1e-12;
            double a = pAll[k] + 1e-12;
            d += a * (t / a - 1) * (t / a - 1);
        }
        return d;
    }
}
