package deepgrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Two grid points compared run by run: runs with the same seed share their data split,
 * initial-weight draw and shuffling order, so pairing them removes the seed's own luck
 * from the comparison. Only seeds present on both sides are paired.
 *
 * @param pairs      how many seeds were paired
 * @param meanA      mean of A over the paired runs only
 * @param meanB      mean of B over the paired runs only
 * @param difference mean of (b − a) over the pairs, i.e. meanB − meanA
 * @param p          two-sided p-value of the paired t-test (H0: mean difference 0); NaN
 *                   with fewer than 2 pairs, or when every difference is the same (zero
 *                   variance, where t is undefined or infinite and a p-value would mislead)
 */
public record PairedTest(int pairs, double meanA, double meanB, double difference, double p) {
    /**
     * Differences below this fraction of the values count as equal: values are read from
     * decimal text, so 0.85 − 0.80 and 0.86 − 0.81 differ by ~1e-16 in binary, and a
     * "variance" of that size would give a meaningless p of 0.
     */
    private static final double ROUNDING = 1e-12;

    public static PairedTest bySeed(Map<Long, Double> a, Map<Long, Double> b) {
        List<Long> seeds = new ArrayList<>(a.keySet());
        seeds.retainAll(b.keySet());
        int n = seeds.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.get(seeds.get(i));
            y[i] = b.get(seeds.get(i));
        }
        double meanA = Stats.of(x).mean();
        double meanB = Stats.of(y).mean();
        double difference = Stats.of(differences(x, y)).mean();
        return new PairedTest(n, meanA, meanB, difference, pValue(x, y));
    }

    private static double pValue(double[] x, double[] y) {
        if (x.length < 2 || Stats.of(differences(x, y)).std() <= ROUNDING * scale(x, y)) {
            return Double.NaN;
        }
        return new TTest().pairedTTest(y, x);
    }

    /** The largest magnitude among the values: the unit in which rounding noise is measured. */
    private static double scale(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s = Math.max(s, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        return s;
    }

    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = y[i] - x[i];
        }
        return d;
    }
}
