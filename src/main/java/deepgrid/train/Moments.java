package deepgrid.train;

/**
 * Mean, standard deviation and L2 norms of values that may be huge (a network close to
 * diverging has activations of 1e200): each value is first scaled by a power of two that
 * brings the largest to [1, 2), so no square overflows while the result itself is finite.
 * Scaling by a power of two is exact, so for ordinary values the results are the plain
 * formulas' to the last bit. Any NaN or infinite value makes the result NaN (an empty cell).
 */
final class Moments {
    private Moments() {
    }

    /** The power of two that scales {@code max} (the largest |value|) into [1, 2); 1 for 0. */
    private static double scaleOf(double max) {
        return max == 0.0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(max));
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x)); // NaN stays NaN
        }
        return max;
    }

    /** {mean, population standard deviation (divided by n)} of {@code v}; {NaN, NaN} for no values or a non-finite one. */
    static double[] meanAndStd(double[] v) {
        double max = maxAbs(v);
        if (v.length == 0 || !Double.isFinite(max)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double s = scaleOf(max);
        double sum = 0.0;
        for (double x : v) {
            sum += x * s;
        }
        double mean = sum / v.length; // scaled
        double squares = 0.0;
        for (double x : v) {
            double d = x * s - mean;
            squares += d * d;
        }
        return new double[] {mean / s, Math.sqrt(squares / v.length) / s};
    }

    /** ‖a − b‖ (‖a‖ when b is null); NaN when a value is not finite. */
    static double distance(double[] a, double[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(b == null ? a[i] : a[i] - b[i]));
        }
        if (!Double.isFinite(max)) {
            return Double.NaN;
        }
        double s = scaleOf(max);
        double squares = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = (b == null ? a[i] : a[i] - b[i]) * s;
            squares += d * d;
        }
        return Math.sqrt(squares) / s;
    }
}
