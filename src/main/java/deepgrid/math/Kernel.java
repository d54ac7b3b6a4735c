package deepgrid.math;

import deepgrid.DeepgridException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place matrix products run. Every layer multiplies through these three
 * shapes — {@code a·b} (forward), {@code aᵀ·b} (weight gradient {@code xᵀ·dOut})
 * and {@code a·bᵀ} (input gradient {@code dOut·Wᵀ}) — so making them fast here
 * makes the whole pipeline fast. They run on a BLAS {@code dgemm} straight on the
 * flat row-major arrays (see {@link RowMajorBlas}): native OpenBLAS when the system
 * has it, else a pure-Java BLAS; {@link KernelChoice} says how one is picked and
 * {@link #description()} which one runs. With more than one thread, a product big
 * enough to gain is split into blocks of rows of c, one per thread. The {@code *Into}
 * forms overwrite a buffer the caller reuses from batch to batch; it must not share
 * storage with a or b.
 */
public final class Kernel {
    /** Products smaller than this (2·n·k·m) run on one thread: splitting costs more than it saves. */
    static final long MIN_SPLIT_FLOPS = 1_000_000;
    /** Fewest rows of c per thread, and what the blocks' first rows are multiples of. */
    static final int MIN_SPLIT_ROWS = 8;
    /**
     * Gathering one value of a scattered row takes about as long as 40 flops of a product (measured
     * on a Fashion-MNIST batch: ~1 ns per value, against ~40 GFLOP/s per core).
     */
    static final int FLOPS_PER_GATHERED_VALUE = 40;

    private static volatile KernelChoice active;
    // each thread that multiplies has its own helpers, made anew when the thread count changes
    private static final ThreadLocal<Workers> WORKERS = new ThreadLocal<>();

    /** Computes the rows [from, to) of a result. */
    @FunctionalInterface
    interface RowBlock {
        void compute(int from, int to);
    }

    private Kernel() {
    }

    /**
     * Which kernel runs, e.g. "native BLAS: OpenBLAS 0.3.21 SkylakeX (…/libopenblasp-r0.3.21.so; core SkylakeX
     * chosen by deepgrid, from the CPU's flags) via netlib JNI; start-up check: …, 1 thread (default; …)".
     */
    public static String description() {
        return active().description();
    }

    /** What ran (and will run) the products: kernel, library with its CPU kernels, threads; for the results. */
    public static KernelInfo info() {
        return active().info();
    }

    /** {@link #info()}, or empty when the settings name no usable kernel (for recording a failed run). */
    public static Optional<KernelInfo> infoIfAvailable() {
        try {
            return Optional.of(info());
        } catch (DeepgridException e) {
            return Optional.empty();
        }
    }

    /**
     * Throws a {@link DeepgridException} naming the setting when DEEPGRID_KERNEL or DEEPGRID_THREADS
     * (or their system properties) hold a value that is not allowed; loads nothing. Call it early.
     */
    /** The values of {@code DEEPGRID_KERNEL} (or {@code -Ddeepgrid.kernel}). */
    public enum Choice {
        AUTO("the native BLAS if it loads and is no slower than pure Java, else pure Java (default)"),
        NATIVE("the native BLAS (OpenBLAS on Debian), an error if there is none"),
        JAVA("netlib's pure-Java BLAS (VectorBLAS with the JDK's vector module)");

        private final String description;

        Choice(String description) {
            this.description = description;
        }

        /** "auto", as the setting is written. */
        public String settingName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String description() {
            return description;
        }
    }

    public static void checkSettings() {
        Threads.checkSetting();
        KernelChoice.requestedName();
    }

    /**
     * What a user should hear once, before training, about the kernel: a fallback to pure Java
     * and why, a pure-Java kernel without the vector module, a thread setting capped at the cores.
     * Chooses the kernel if not yet chosen (a DeepgridException for a bad setting).
     */
    public static List<String> notes() {
        List<String> notes = new ArrayList<>(active().notes());
        Threads.Setting s = Threads.setting();
        if (s.requested() > s.threads()) {
            notes.add(s.source() + "=" + s.value() + " is more than the " + Threads.cores() + " cores: using "
                    + s.threads());
        }
        return notes;
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
        RowMajorBlas blas = active().blas();
        split(n, 2L * n * k * m, (from, to) -> blas.multiply(from, to, k, m, a.data(), b.data(), c.data()));
        return c;
    }

    /** c = aᵀ·b, overwriting c; returns c. a is n×k, b is n×m, c is k×m. */
    public static FlatMatrix multiplyTransAInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getColumnDimension();
        Check.shape("b", b, n, -1);
        Check.shape("c", c, k, m);
        RowMajorBlas blas = active().blas();
        split(k, 2L * n * k * m, (from, to) -> blas.multiplyTransA(from, to, n, k, m, a.data(), b.data(), c.data()));
        return c;
    }

    /** c = a·bᵀ, overwriting c; returns c. a is n×k, b is m×k, c is n×m. */
    public static FlatMatrix multiplyTransBInto(FlatMatrix a, FlatMatrix b, FlatMatrix c) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getRowDimension();
        Check.shape("b", b, -1, k);
        Check.shape("c", c, n, m);
        RowMajorBlas blas = active().blas();
        split(n, 2L * n * k * m, (from, to) -> blas.multiplyTransB(from, to, k, m, a.data(), b.data(), c.data()));
        return c;
    }

    /**
     * Runs the rows [0, rows) of a result in one call, or in equal blocks on the kernel's threads
     * when {@code work} (flops, or values moved) reaches {@link #MIN_SPLIT_FLOPS}.
     */
    static void split(int rows, long work, RowBlock product) {
        int threads = active().threads();
        int parts = work < MIN_SPLIT_FLOPS ? 1 : Math.min(threads, rows / MIN_SPLIT_ROWS);
        if (parts <= 1) {
            product.compute(0, rows);
            return;
        }
        workers(threads).run(parts, i -> product.compute(boundary(rows, i, parts), boundary(rows, i + 1, parts)));
    }

    /**
     * Where block i of {@code parts} starts: an even share rounded down to a multiple of
     * {@link #MIN_SPLIT_ROWS}. OpenBLAS computes the rows of c in groups of 4 or 8 (its kernels'
     * unrolling) with other code for the rest; blocks that start on such a group make every row of
     * c the same sum as in the whole product, so the thread count changes no number on the
     * Haswell (AVX2) kernels. It still can on others (SkylakeX switches to a small-matrix kernel
     * below a size; the pure-Java kernels block by size): see the README.
     */
    static int boundary(int rows, int i, int parts) {
        return i == parts ? rows : (int) ((long) rows * i / parts) / MIN_SPLIT_ROWS * MIN_SPLIT_ROWS;
    }

    private static Workers workers(int threads) {
        Workers w = WORKERS.get();
        if (w == null || w.threads() != threads) {
            if (w != null) {
                w.close();
            }
            w = new Workers(threads - 1);
            WORKERS.set(w);
        }
        return w;
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
