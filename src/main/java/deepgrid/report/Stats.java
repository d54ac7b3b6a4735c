package deepgrid.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation (divisor n − 1) and the two-sided 95% confidence
 * interval of the mean, mean ± t(0.975, n − 1) · std / √n (Student's t, because a grid
 * point has a handful of seeds, not hundreds). NaN where a value does not exist:
 * everything for n = 0; std and the interval for n = 1.
 */
public record Stats(int n, double mean, double std, double ci95Low, double ci95High) {

    public static Stats of(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Stats(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        double half = tQuantile975(n - 1) * std / Math.sqrt(n);
        return new Stats(n, mean, std, mean - half, mean + half);
    }

    /** t(0.975, df): 12.706 for df = 1, 4.303 for df = 2, 1.960 as df grows. */
    static double tQuantile975(int df) {
        return T975.computeIfAbsent(df, d -> new TDistribution(null, d).inverseCumulativeProbability(0.975));
    }

    /** t(0.975, df) by df: an inverse CDF costs microseconds, and a report asks for the same few thousands of times. */
    private static final java.util.Map<Integer, Double> T975 = new java.util.concurrent.ConcurrentHashMap<>();
}
