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

    /** μ_j = (1/n)·Σ_i m[i][j]: the mean of each column over the n rows. */
    public static double[] columnMeans(FlatMatrix m) {
        double[] mean = columnSumsInto(m, new double[m.getColumnDimension()]);
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= m.getRowDimension();
        }
        return mean;
    }

    /** σ²_j = (1/n)·Σ_i (m[i][j] − μ_j)²: the biased variance of each column around {@code mean}. */
    public static double[] columnVariances(FlatMatrix m, double[] mean) {
        int cols = checkWidth(m, mean, "mean");
        double[] var = new double[cols];
        double[] d = m.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                double centred = d[base + j] - mean[j];
                var[j] += centred * centred;
            }
        }
        for (int j = 0; j < cols; j++) {
            var[j] /= m.getRowDimension();
        }
        return var;
    }

    /** out[j] = Σ_i a[i][j]·b[i][j], overwriting out; returns out. a and b have the same shape. */
    public static double[] columnSumsOfProductsInto(FlatMatrix a, FlatMatrix b, double[] out) {
        int cols = checkWidth(a, out, "out");
        Check.sameShape("a", a, "b", b);
        java.util.Arrays.fill(out, 0.0);
        double[] ad = a.data();
        double[] bd = b.data();
        for (int base = 0; base < ad.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                out[j] += ad[base + j] * bd[base + j];
            }
        }
        return out;
    }

    /** out[i][j] = (m[i][j] − shift[j])·scale[j]: each column moved, then scaled; returns out (m's shape). */
    public static FlatMatrix shiftThenScaleColumnsInto(FlatMatrix m, double[] shift, double[] scale, FlatMatrix out) {
        int cols = checkWidth(m, shift, "shift");
        checkWidth(m, scale, "scale");
        Check.sameShape("out", out, "m", m);
        double[] d = m.data();
        double[] o = out.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                o[base + j] = (d[base + j] - shift[j]) * scale[j];
            }
        }
        return out;
    }

    /** out[i][j] = scale[j]·m[i][j] + shift[j]: each column scaled, then moved; returns out (m's shape). */
    public static FlatMatrix scaleThenShiftColumnsInto(FlatMatrix m, double[] scale, double[] shift, FlatMatrix out) {
        int cols = checkWidth(m, scale, "scale");
        checkWidth(m, shift, "shift");
        Check.sameShape("out", out, "m", m);
        double[] d = m.data();
        double[] o = out.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                o[base + j] = scale[j] * d[base + j] + shift[j];
            }
        }
        return out;
    }

    /**
     * out[i][j] = g[i][j] − c·(intercept[j] + x[i][j]·slope[j]): takes from each column of g a
     * line in the matching column of x, scaled by c; returns out (g's shape, which x shares).
     */
    public static FlatMatrix subtractColumnLinesInto(FlatMatrix g, double c, double[] intercept, FlatMatrix x,
            double[] slope, FlatMatrix out) {
        int cols = checkWidth(g, intercept, "intercept");
        checkWidth(g, slope, "slope");
        Check.sameShape("x", x, "g", g);
        Check.sameShape("out", out, "g", g);
        double[] gd = g.data();
        double[] xd = x.data();
        double[] o = out.data();
        for (int base = 0; base < gd.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                o[base + j] = gd[base + j] - c * (intercept[j] + xd[base + j] * slope[j]);
            }
        }
        return out;
    }

    /** m[i][j] = scale[j]·m[i][j] for every row i, in place; returns m. */
    public static FlatMatrix scaleColumns(double[] scale, FlatMatrix m) {
        int cols = checkWidth(m, scale, "scale");
        double[] d = m.data();
        for (int base = 0; base < d.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                d[base + j] = scale[j] * d[base + j];
            }
        }
        return m;
    }

    private static int checkWidth(FlatMatrix m, double[] perColumn, String name) {
        int cols = m.getColumnDimension();
        if (perColumn.length != cols) {
            throw new IllegalArgumentException(name + " has " + perColumn.length + " values, expected " + cols);
        }
        return cols;
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
