package deepgrid.run.grid.search;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parzen estimator (kernel density) over one or more parameters: m observations (in trial
 * order) give m kernels plus one prior kernel; in several dimensions each kernel is a product
 * over the dimensions with one weight (Optuna's multivariate TPE). Weights are 1 for every
 * observation when m < 25, else a ramp {@code linspace(1/m, 1, m − 25)} for the oldest m − 25
 * and 1 for the newest 25 (Bergstra et al. 2013); the prior's weight is 1; all normalised.
 *
 * <p>Sampling picks a kernel by weight, then draws every dimension from it. The density is
 * log p(x) = logsumexp_k(log w_k + Σ_d log K_kd(x_d)).
 */
final class ParzenEstimator {
    private final double[] weights;
    private final List<Kernels> dims;

    private ParzenEstimator(double[] weights, List<Kernels> dims) {
        this.weights = weights;
        this.dims = dims;
    }

    /** Fits kernels to {@code observations[trial][dimension]}, rows in trial order. */
    static ParzenEstimator fit(List<Domain> domains, double[][] observations) {
        List<Kernels> dims = new ArrayList<>();
        for (int d = 0; d < domains.size(); d++) {
            double[] column = new double[observations.length];
            for (int i = 0; i < observations.length; i++) {
                column[i] = observations[i][d];
            }
            dims.add(Kernels.fit(domains.get(d), column));
        }
        return new ParzenEstimator(mixtureWeights(observations.length), dims);
    }

    /** The normalised weights of m observation kernels and the prior (last). */
    static double[] mixtureWeights(int m) {
        double[] w = new double[m + 1];
        System.arraycopy(observationWeights(m), 0, w, 0, m);
        w[m] = 1; // the prior's weight
        double total = 0;
        for (double v : w) {
            total += v;
        }
        for (int i = 0; i <= m; i++) {
            w[i] /= total;
        }
        return w;
    }

    /** Optuna's default_weights: all 1 for m < 25, else a linear ramp 1/m … 1 over the oldest m − 25, then 25 ones. */
    static double[] observationWeights(int m) {
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0);
        int ramp = m - 25;
        for (int i = 0; i < ramp; i++) {
            // numpy.linspace(1/m, 1, ramp): evenly spaced, both ends included ([1/m] alone when ramp = 1)
            w[i] = ramp == 1 ? 1.0 / m : 1.0 / m + i * (1 - 1.0 / m) / (ramp - 1);
        }
        return w;
    }

    /** One draw: a kernel by weight, then each dimension from that kernel. */
    double[] sample(Rng rng) {
        int k = Kernels.pick(weights, rng.nextDouble());
        double[] x = new double[dims.size()];
        for (int d = 0; d < x.length; d++) {
            x[d] = dims.get(d).sample(k, rng);
        }
        return x;
    }

    /** log p(x). */
    double logPdf(double[] x) {
        double[] terms = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double t = Math.log(weights[k]);
            for (int d = 0; d < x.length; d++) {
                t += dims.get(d).logDensity(k, x[d]);
            }
            terms[k] = t;
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max); // shifted by the largest term so exp() cannot overflow
        }
        return max + Math.log(sum);
    }

    /** The kernels of dimension d (for tests and importance). */
    Kernels dimension(int d) {
        return dims.get(d);
    }

    double[] weights() {
        return weights.clone();
    }
}
