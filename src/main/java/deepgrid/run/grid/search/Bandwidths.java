package deepgrid.run.grid.search;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Kernel widths of a numeric Parzen estimator (design §4; Optuna's rule without
 * {@code consider_endpoints}, Bergstra et al. 2011): sort the means, put the domain ends
 * around them, [low, μ(1) … μ(m), high]; each σ is the larger gap to a neighbour, except
 * that with m ≥ 2 the two end kernels look only inward (σ(1) = μ(2) − μ(1),
 * σ(m) = μ(m) − μ(m−1)); then clip to [(high − low)/min(100, m + 2), high − low] (Optuna's
 * "magic clip", counting the prior kernel), so no kernel is a spike or wider than the domain.
 */
final class Bandwidths {
    private Bandwidths() {
    }

    /** σ for each mean, in the order given; {@code low} and {@code high} bound the (transformed) domain. */
    static double[] of(double[] mu, double low, double high) {
        int m = mu.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> mu[i]))
                .toArray(Integer[]::new);
        double[] s = new double[m + 2]; // [low, sorted means, high]
        s[0] = low;
        s[m + 1] = high;
        for (int k = 0; k < m; k++) {
            s[k + 1] = mu[order[k]];
        }
        double[] sorted = new double[m];
        for (int k = 0; k < m; k++) {
            sorted[k] = Math.max(s[k + 1] - s[k], s[k + 2] - s[k + 1]);
        }
        if (m >= 2) {
            sorted[0] = s[2] - s[1];
            sorted[m - 1] = s[m] - s[m - 1];
        }
        double min = (high - low) / Math.min(100.0, m + 2);
        double max = high - low;
        double[] sigma = new double[m];
        for (int k = 0; k < m; k++) {
            sigma[order[k]] = Math.min(max, Math.max(min, sorted[k]));
        }
        return sigma;
    }
}
