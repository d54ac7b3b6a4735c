package deepgrid.math;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The three row-major products of {@link Kernel} as calls to one column-major BLAS
 * {@code dgemm}, without copying. A row-major n×k array is, read column-major, its own
 * transpose (k×n, leading dimension k), so c = a·b is computed as cᵀ = bᵀ·aᵀ: the
 * operands are passed swapped and every transposition flag means what it says on the
 * column-major views. Each method computes the rows [from, to) of c only, so that a
 * product can be shared between threads. Shapes are checked by {@link Kernel}; c must
 * not share storage with a or b.
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

    /** Rows [from, to) of c = a·b, with a n×k, b k×m, c n×m (row-major). */
    void multiply(int from, int to, int k, int m, double[] a, double[] b, double[] c) {
        int rows = to - from;
        if (trivial(rows, k, m, c, from * m)) {
            return;
        }
        // rows of cᵀ (m×rows) = bᵀ (m×k) · (rows of a)ᵀ (k×rows)
        blas.dgemm("N", "N", m, rows, k, 1.0, b, 0, m, a, from * k, k, 0.0, c, from * m, m);
    }

    /** Rows [from, to) of c = aᵀ·b, with a n×k, b n×m, c k×m (row-major): they come from columns [from, to) of a. */
    void multiplyTransA(int from, int to, int n, int k, int m, double[] a, double[] b, double[] c) {
        int rows = to - from;
        if (trivial(rows, n, m, c, from * m)) {
            return;
        }
        // rows of cᵀ (m×rows) = bᵀ (m×n) · (columns of a) (n×rows), a read transposed from the stored aᵀ view
        blas.dgemm("N", "T", m, rows, n, 1.0, b, 0, m, a, from, k, 0.0, c, from * m, m);
    }

    /** Rows [from, to) of c = a·bᵀ, with a n×k, b m×k, c n×m (row-major). */
    void multiplyTransB(int from, int to, int k, int m, double[] a, double[] b, double[] c) {
        int rows = to - from;
        if (trivial(rows, k, m, c, from * m)) {
            return;
        }
        // rows of cᵀ (m×rows) = b (m×k) · (rows of a)ᵀ (k×rows), b read transposed from the stored bᵀ view
        blas.dgemm("T", "N", m, rows, k, 1.0, b, 0, k, a, from * k, k, 0.0, c, from * m, m);
    }

    /**
     * Handles the empty cases BLAS rejects (a leading dimension must be ≥ 1): nothing to
     * write when there are no rows or columns; zeros when the inner dimension is 0. True when handled.
     */
    private static boolean trivial(int rows, int inner, int cols, double[] c, int offset) {
        if (rows == 0 || cols == 0) {
            return true;
        }
        if (inner == 0) {
            java.util.Arrays.fill(c, offset, offset + rows * cols, 0.0);
            return true;
        }
        return false;
    }
}
