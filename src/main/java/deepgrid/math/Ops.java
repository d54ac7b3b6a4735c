package deepgrid.math;

/** Element-wise and broadcast operations on flat matrices that Commons-Math does not offer. */
public final class Ops {
    private Ops() {
    }

    /** m[i][j] += v[j] for every row i, in place. v has one value per column. */
    public static void addRowVector(FlatMatrix m, double[] v) {
        int cols = m.getColumnDimension();
        if (v.length != cols) {
            throw new IllegalArgumentException("v has " + v.length + " values, expected " + cols);
        }
        double[] d = m.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                d[base + j] += v[j];
            }
        }
    }

    /** out[j] = Σ_i m[i][j], overwriting out; returns out. */
    public static double[] columnSumsInto(FlatMatrix m, double[] out) {
        int cols = m.getColumnDimension();
        if (out.length != cols) {
            throw new IllegalArgumentException("out has " + out.length + " values, expected " + cols);
        }
        java.util.Arrays.fill(out, 0.0);
        double[] d = m.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                out[j] += d[base + j];
            }
        }
        return out;
    }

    /** Index of the largest value of row i (the first on ties). */
    public static int argmaxRow(FlatMatrix m, int i) {
        int cols = m.getColumnDimension();
        double[] d = m.data();
        int base = i * cols;
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (d[base + j] > d[base + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Σ x² over every entry. */
    public static double sumOfSquares(FlatMatrix m) {
        double s = 0.0;
        for (double v : m.data()) {
            s += v * v;
        }
        return s;
    }
}
