package deepgrid.math;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The three row-major products of {@link Kernel} as calls to one column-major BLAS
 * {@code dgemm}, without copying. A row-major n×k array is, read column-major, its own
 * transpose (k×n, leading dimension k), so c = a·b is computed as cᵀ = bᵀ·aᵀ: the
 * operands are passed swapped and every transposition flag means what it says on the
 * column-major views. Shapes are checked by {@link Kernel}; {@code c} must not share
 * storage with {@code a} or {@code b}.
 */
final class RowMajorBlas {
    private final BLAS blas;

    RowMajorBlas(BLAS blas) {
        this.blas = blas;
    }

    /** The netlib implementation class, e.g. "JNIBLAS", "VectorBLAS", "Java11BLAS". */
    String implementation() {
        return blas.getClass().getSimpleName();
    }

    /** c = a·b with a n×k, b k×m, c n×m (row-major). */
    void multiply(int n, int k, int m, double[] a, double[] b, double[] c) {
        if (trivial(n, k, m, c)) {
            return;
        }
        // cᵀ (m×n) = bᵀ (m×k) · aᵀ (k×n)
        blas.dgemm("N", "N", m, n, k, 1.0, b, m, a, k, 0.0, c, m);
    }

    /** c = aᵀ·b with a n×k, b n×m, c k×m (row-major). */
    void multiplyTransA(int n, int k, int m, double[] a, double[] b, double[] c) {
        if (trivial(k, n, m, c)) {
            return;
        }
        // cᵀ (m×k) = bᵀ (m×n) · a (n×k), where a is the transpose of the stored aᵀ view
        blas.dgemm("N", "T", m, k, n, 1.0, b, m, a, k, 0.0, c, m);
    }

    /** c = a·bᵀ with a n×k, b m×k, c n×m (row-major). */
    void multiplyTransB(int n, int k, int m, double[] a, double[] b, double[] c) {
        if (trivial(n, k, m, c)) {
            return;
        }
        // cᵀ (m×n) = b (m×k) · aᵀ (k×n), where b is the transpose of the stored bᵀ view
        blas.dgemm("T", "N", m, n, k, 1.0, b, k, a, k, 0.0, c, m);
    }

    /**
     * Handles the empty cases BLAS rejects (a leading dimension must be ≥ 1): nothing to
     * write when c is empty; c = 0 when the inner dimension is 0. True when handled.
     */
    private static boolean trivial(int rows, int inner, int cols, double[] c) {
        if (rows == 0 || cols == 0) {
            return true;
        }
        if (inner == 0) {
            java.util.Arrays.fill(c, 0.0);
            return true;
        }
        return false;
    }
}
