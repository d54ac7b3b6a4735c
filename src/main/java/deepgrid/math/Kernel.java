package deepgrid.math;

/**
 * The one place matrix products run. Every layer multiplies through these three
 * shapes — {@code a·b} (forward), {@code aᵀ·b} (weight gradient {@code xᵀ·dOut})
 * and {@code a·bᵀ} (input gradient {@code dOut·Wᵀ}) — so making them fast here
 * makes the whole pipeline fast. The loops below are the portable reference:
 * row-major, the innermost loop runs over contiguous memory.
 */
public final class Kernel {
    private Kernel() {
    }

    /** A new a·b. */
    public static FlatMatrix multiply(FlatMatrix a, FlatMatrix b) {
        return multiplyInto(a, b, new FlatMatrix(a.getRowDimension(), b.getColumnDimension()));
    }

    /** A new aᵀ·b. */
    public static FlatMatrix multiplyTransA(FlatMatrix a, FlatMatrix b) {
        return multiplyTransAInto(a, b, new FlatMatrix(a.getColumnDimension(), b.getColumnDimension()));
    }

    /** A new a·bᵀ. */
    public static FlatMatrix multiplyTransB(FlatMatrix a, FlatMatrix b) {
        return multiplyTransBInto(a, b, new FlatMatrix(a.getRowDimension(), b.getRowDimension()));
    }

    /** c = a·b, overwriting c; returns c. a is n×k, b is k×m, c is n×m. */
    public static FlatMatrix multiplyInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getColumnDimension();
        Check.shape("b", b, k, -1);
        Check.shape("c", c, n, m);
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int p = 0; p < k; p++) {
                double aip = ad[i * k + p];
                if (aip == 0.0) {
                    continue;
                }
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    cd[ci + j] += aip * bd[bp + j];
                }
            }
        }
        return c;
    }

    /** c = aᵀ·b, overwriting c; returns c. a is n×k, b is n×m, c is k×m. */
    public static FlatMatrix multiplyTransAInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getColumnDimension();
        Check.shape("b", b, n, -1);
        Check.shape("c", c, k, m);
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        for (int r = 0; r < n; r++) {
            int br = r * m;
            for (int i = 0; i < k; i++) {
                double ari = ad[r * k + i];
                if (ari == 0.0) {
                    continue;
                }
                int ci = i * m;
                for (int j = 0; j < m; j++) {
                    cd[ci + j] += ari * bd[br + j];
                }
            }
        }
        return c;
    }

    /** c = a·bᵀ, overwriting c; returns c. a is n×k, b is m×k, c is n×m. */
    public static FlatMatrix multiplyTransBInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getRowDimension();
        Check.shape("b", b, -1, k);
        Check.shape("c", c, n, m);
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += ad[ai + p] * bd[bj + p];
                }
                cd[i * m + j] = s;
            }
        }
        return c;
    }
}
