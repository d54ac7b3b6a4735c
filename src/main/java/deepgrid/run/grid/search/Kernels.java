package deepgrid.run.grid.search;

import deepgrid.math.Rng;

/**
 * One dimension of a Parzen estimator: a kernel per observation (in trial order) and a last,
 * prior kernel. {@link ParzenEstimator} multiplies dimensions together, kernel by kernel.
 */
sealed interface Kernels permits Kernels.NumericKernels, Kernels.CategoricalKernels {
    /** log K_k(x): kernel k's log density (continuous) or log probability (discrete, choice) at x. */
    double logDensity(int k, double x);

    /** A draw from kernel k, as a value of the domain. */
    double sample(int k, Rng rng);

    /** The kernels of {@code observations} (values of {@code domain}) plus the prior kernel. */
    static Kernels fit(Domain domain, double[] observations) {
        if (domain instanceof Numeric n) {
            return NumericKernels.fit(n, observations);
        }
        return CategoricalKernels.fit((Categorical) domain, observations);
    }

    /**
     * Normal kernels truncated to the transformed domain: μ = the observations (transformed),
     * σ by the neighbour rule of design §4, and the prior μ = the domain's centre, σ = its width.
     * {@code logMass[k]} is kernel k's log mass on the domain, its normaliser, computed once.
     */
    record NumericKernels(Numeric domain, double[] mu, double[] sigma, double[] logMass) implements Kernels {
        NumericKernels(Numeric domain, double[] mu, double[] sigma) {
            this(domain, mu, sigma, logMasses(domain, mu, sigma));
        }

        private static double[] logMasses(Numeric domain, double[] mu, double[] sigma) {
            double[] out = new double[mu.length];
            for (int k = 0; k < mu.length; k++) {
                out[k] = TruncNorm.logGaussMass((domain.internalLow() - mu[k]) / sigma[k],
                        (domain.internalHigh() - mu[k]) / sigma[k]);
            }
            return out;
        }

        static NumericKernels fit(Numeric domain, double[] observations) {
            int m = observations.length;
            double low = domain.internalLow();
            double high = domain.internalHigh();
            double[] mu = new double[m + 1];
            for (int i = 0; i < m; i++) {
                mu[i] = domain.toInternal(observations[i]);
            }
            double[] sigma = new double[m + 1];
            System.arraycopy(Bandwidths.of(java.util.Arrays.copyOf(mu, m), low, high), 0, sigma, 0, m);
            mu[m] = 0.5 * (low + high);
            sigma[m] = high - low;
            return new NumericKernels(domain, mu, sigma);
        }

        @Override
        public double logDensity(int k, double x) {
            if (domain.isDiscrete()) {
                // the kernel's mass on x's cell over its mass on the whole (widened) domain
                double[] cell = domain.cell(x);
                return TruncNorm.logGaussMass((cell[0] - mu[k]) / sigma[k], (cell[1] - mu[k]) / sigma[k]) - logMass[k];
            }
            double u = domain.toInternal(x);
            if (u < domain.internalLow() || u > domain.internalHigh()) {
                return Double.NEGATIVE_INFINITY;
            }
            double z = (u - mu[k]) / sigma[k];
            return -0.5 * z * z - TruncNorm.LOG_SQRT_2PI - logMass[k] - Math.log(sigma[k]);
        }

        @Override
        public double sample(int k, Rng rng) {
            double low = (domain.internalLow() - mu[k]) / sigma[k];
            double high = (domain.internalHigh() - mu[k]) / sigma[k];
            double z = TruncNorm.ppf(rng.nextDouble(), low, high); // inverse-CDF sampling
            return domain.fromInternal(mu[k] + sigma[k] * z);
        }
    }

    /**
     * Kernels over C options: kernel i starts at 1/(m+1) for every option (the prior's weight
     * shared among the m + 1 kernels), adds 1 on its observed option, and is normalised; the
     * prior kernel is uniform. {@code p[k][c]} is kernel k's probability of option c.
     */
    record CategoricalKernels(double[][] p) implements Kernels {
        static CategoricalKernels fit(Categorical domain, double[] observations) {
            int m = observations.length;
            int c = (int) domain.size();
            double[][] p = new double[m + 1][c];
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(p[i], 1.0 / (m + 1));
                p[i][(int) observations[i]] += 1;
                double total = 1.0 / (m + 1) * c + 1;
                for (int j = 0; j < c; j++) {
                    p[i][j] /= total;
                }
            }
            java.util.Arrays.fill(p[m], 1.0 / c);
            return new CategoricalKernels(p);
        }

        @Override
        public double logDensity(int k, double x) {
            return Math.log(p[k][(int) x]);
        }

        @Override
        public double sample(int k, Rng rng) {
            return pick(p[k], rng.nextDouble());
        }
    }

    /** The index whose cumulative probability first exceeds u (inverse-CDF sampling); the last on rounding. */
    static int pick(double[] probabilities, double u) {
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
