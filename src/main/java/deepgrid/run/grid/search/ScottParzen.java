package deepgrid.run.grid.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 1-D Parzen estimator of PED-ANOVA over grid counts (Optuna's _ScottParzenEstimator):
 * one kernel per occupied grid point, weighted by its count, plus a prior kernel of weight 1.
 * On a numeric grid of S points the kernels are normals truncated to the cells of 0 … S − 1
 * with Scott's bandwidth (Scott 1992): 1.059·min(IQR/1.34, sample std)·n^(−1/5), at least
 * 0.5/1.64 so 90% of a kernel stays within its cell; the prior is centred with σ = S. On
 * options the kernels are the TPE categorical kernels.
 */
final class ScottParzen {
    private ScottParzen() {
    }

    /** The estimator's probability of every grid point (or option), from the counts. */
    static double[] pdf(boolean categorical, double[] counts) {
        List<Integer> occupied = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                occupied.add(k);
            }
        }
        int m = occupied.size();
        double[] w = new double[m + 1];
        double total = 1; // the prior's weight
        for (int i = 0; i < m; i++) {
            w[i] = counts[occupied.get(i)];
            total += w[i];
        }
        w[m] = 1;
        Kernels kernels = categorical ? categorical(occupied, counts.length) : numeric(occupied, counts);
        double[] p = new double[counts.length];
        for (int x = 0; x < counts.length; x++) {
            for (int k = 0; k <= m; k++) {
                p[x] += w[k] / total * Math.exp(kernels.logDensity(k, x));
            }
        }
        return p;
    }

    private static Kernels categorical(List<Integer> occupied, int options) {
        int m = occupied.size();
        double[][] p = new double[m + 1][options];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(p[i], 1.0 / (m + 1));
            p[i][occupied.get(i)] += 1;
            double sum = (double) options / (m + 1) + 1;
            for (int j = 0; j < options; j++) {
                p[i][j] /= sum;
            }
        }
        java.util.Arrays.fill(p[m], 1.0 / options);
        return new Kernels.CategoricalKernels(p);
    }

    private static Kernels numeric(List<Integer> occupied, double[] counts) {
        int steps = counts.length;
        int m = occupied.size();
        double n = 0;
        double mean = 0;
        for (int k : occupied) {
            n += counts[k];
            mean += k * counts[k];
        }
        mean /= n;
        double squares = 0;
        for (int k : occupied) {
            squares += (k - mean) * (k - mean) * counts[k];
        }
        double std = Math.sqrt(squares / Math.max(1, n - 1));
        double sigma = Math.max(1.059 * Math.min(iqr(occupied, counts, n) / 1.34, std) * Math.pow(n, -0.2), 0.5 / 1.64);
        double[] mu = new double[m + 1];
        double[] sig = new double[m + 1];
        for (int i = 0; i < m; i++) {
            mu[i] = occupied.get(i);
            sig[i] = sigma;
        }
        mu[m] = 0.5 * (steps - 1);
        sig[m] = steps;
        Numeric cells = new Numeric(Numeric.Kind.INT, Numeric.Scale.LINEAR, BigDecimal.ZERO,
                BigDecimal.valueOf(steps - 1), BigDecimal.ONE);
        return new Kernels.NumericKernels(cells, mu, sig);
    }

    /** The interquartile range of the counts' grid points, as Optuna computes it (searchsorted on cumulative counts). */
    private static double iqr(List<Integer> occupied, double[] counts, double n) {
        double[] cumulative = new double[occupied.size()];
        double c = 0;
        for (int i = 0; i < occupied.size(); i++) {
            c += counts[occupied.get(i)];
            cumulative[i] = c;
        }
        double q25 = Math.floor(n / 4);
        double q75 = Math.floor(n * 3 / 4);
        int i25 = 0;
        while (i25 < cumulative.length && cumulative[i25] < q25) {
            i25++; // searchsorted, side left: first cumulative ≥ q25
        }
        int i75 = 0;
        while (i75 < cumulative.length && cumulative[i75] <= q75) {
            i75++; // searchsorted, side right: first cumulative > q75
        }
        int last = occupied.size() - 1;
        return occupied.get(Math.min(last, i75)) - occupied.get(Math.min(last, i25));
    }
}
