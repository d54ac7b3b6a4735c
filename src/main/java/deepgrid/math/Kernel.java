package deepgrid.math;

/**
 * The one place matrix products run. Every layer multiplies through these three
 * shapes — {@code a·b} (forward), {@code aᵀ·b} (weight gradient {@code xᵀ·dOut})
 * and {@code a·bᵀ} (input gradient {@code dOut·Wᵀ}) — so making them fast here
 * makes the whole pipeline fast. They run on a BLAS {@code dgemm} straight on the
 * flat row-major arrays (see {@link RowMajorBlas}): native OpenBLAS when the system
 * has it, else a pure-Java BLAS; {@link KernelChoice} says how one is picked and
 * {@link #description()} which one runs. The {@code *Into} forms overwrite a buffer
 * the caller reuses from batch to batch; it must not share storage with a or b.
 */
public final class Kernel {
    private static volatile KernelChoice active;

    private Kernel() {
    }

    /** Which kernel runs, e.g. "native BLAS: OpenBLAS (…) via netlib JNI, 1 thread (OPENBLAS_NUM_THREADS)". */
    public static String description() {
        return active().description();
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
        active().blas().multiply(n, k, m, a.data(), b.data(), c.data());
        return c;
    }

    /** c = aᵀ·b, overwriting c; returns c. a is n×k, b is n×m, c is k×m. */
    public static FlatMatrix multiplyTransAInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getColumnDimension();
        Check.shape("b", b, n, -1);
        Check.shape("c", c, k, m);
        active().blas().multiplyTransA(n, k, m, a.data(), b.data(), c.data());
        return c;
    }

    /** c = a·bᵀ, overwriting c; returns c. a is n×k, b is m×k, c is n×m. */
    public static FlatMatrix multiplyTransBInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getRowDimension();
        Check.shape("b", b, -1, k);
        Check.shape("c", c, n, m);
        active().blas().multiplyTransB(n, k, m, a.data(), b.data(), c.data());
        return c;
    }

    // Chosen on first use, not in a static initializer, so that a bad setting surfaces as a
    // DeepgridException with its message (every time it is used), not as a class-init error.
    private static KernelChoice active() {
        KernelChoice c = active;
        if (c == null) {
            synchronized (Kernel.class) {
                c = active;
                if (c == null) {
                    c = KernelChoice.fromSettings();
                    active = c;
                }
            }
        }
        return c;
    }
}
