package deepgrid.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Set;

/**
 * The start-up check that keeps a broken or mis-detected native BLAS from making deepgrid
 * slower than its own pure-Java kernel: one product of a typical shape (a Fashion-MNIST batch
 * through a 100-unit layer, 100×784·784×100) timed on the native library, best of a few,
 * within {@link #BUDGET_NANOS}, in CPU time of the calling thread (OpenBLAS runs single-threaded
 * under deepgrid), so that a busy machine does not make the library look slow. The Java kernel cannot be timed in that budget (before the JIT
 * has compiled it, its first products take seconds), so the native rate is compared with what
 * the Java kernel reaches once warm, which scales with the CPU's vector width: about
 * {@value #JAVA_GFLOPS_PER_LANE} GFLOP/s per 64-bit lane with the vector module (26.6 GFLOP/s
 * measured on an 8-lane AVX-512 AMD EPYC), {@value #JAVA_GFLOPS_SCALAR} without it. The native
 * library is abandoned only when it is below half of that, so that load noise cannot flip the
 * choice (the two kernels round differently).
 */
final class SpeedCheck {
    static final long BUDGET_NANOS = 20_000_000;
    static final double JAVA_GFLOPS_PER_LANE = 3.0;
    static final double JAVA_GFLOPS_SCALAR = 6.0;
    private static final int N = 100;
    private static final int K = 784;
    private static final int M = 100;

    /** The measured native rate and the Java kernel's expected one, in GFLOP/s. */
    record Result(double nativeGflops, double javaGflops) {
        boolean javaIsFaster() {
            return nativeGflops < javaGflops / 2;
        }

        String describe() {
            return String.format(Locale.ROOT, "start-up check: native %.1f GFLOP/s, pure Java ~%.0f once warm",
                    nativeGflops, javaGflops);
        }
    }

    private SpeedCheck() {
    }

    /** Times {@code blas} on the typical product; {@code javaVector} says whether the Java kernel has the vector module. */
    static Result run(RowMajorBlas blas, Set<String> cpuFlags, boolean javaVector) {
        double[] a = new double[N * K];
        double[] b = new double[K * M];
        double[] c = new double[N * M];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 17) * 0.01;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 13) * 0.01;
        }
        // CPU time of this thread, not wall time: on a busy machine the thread waits for a core, and
        // that must not pass for a slow library (the choice would then change with the load)
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        blas.multiply(0, N, K, M, a, b, c); // the first call pays for lazy initialisation
        long best = cpu.getCurrentThreadCpuTime() - c0; // kept only if it alone used up the budget
        for (int rep = 0; rep < 8 && System.nanoTime() - start < BUDGET_NANOS; rep++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            blas.multiply(0, N, K, M, a, b, c);
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - t0);
        }
        double flops = 2.0 * N * K * M;
        return new Result(flops / Math.max(best, 1), javaGflops(cpuFlags, javaVector));
    }

    /** The Java kernel's warm rate on this CPU, estimated from its vector width. */
    static double javaGflops(Set<String> cpuFlags, boolean javaVector) {
        if (!javaVector) {
            return JAVA_GFLOPS_SCALAR;
        }
        int lanes = cpuFlags.contains("avx512f") ? 8 : cpuFlags.contains("avx2") ? 4 : 2;
        return JAVA_GFLOPS_PER_LANE * lanes;
    }
}
