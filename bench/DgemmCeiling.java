import deepgrid.math.FlatMatrix;
import deepgrid.math.Kernel;
import deepgrid.math.KernelInfo;
import deepgrid.math.Threads;
import java.util.Locale;
import java.util.Random;

/**
 * The dgemm ceiling as deepgrid sees it: the best of 10 runs of one 1024×1024·1024×1024
 * float64 product through deepgrid's kernel (Kernel.multiplyInto), as GFLOP/s (2·n³ flops) of wall time
 * and, for one thread, of the calling thread's CPU time (which a busy machine does not disturb).
 * Prints one JSON line. Run from the project root after building the jar:
 *   java -cp target/deepgrid.jar bench/DgemmCeiling.java
 * Threads as in a single run: the cores (deepgrid's default for one run), or DEEPGRID_THREADS=N; run it
 * with OPENBLAS_NUM_THREADS=1, as ./deepgrid does (otherwise OpenBLAS runs its own threads and deepgrid none).
 */
public final class DgemmCeiling {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        Threads.useByDefault(Threads.forRuns(1));
        Random rng = new Random(0);
        FlatMatrix a = new FlatMatrix(n, n);
        FlatMatrix b = new FlatMatrix(n, n);
        FlatMatrix c = new FlatMatrix(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data()[i] = rng.nextGaussian();
            b.data()[i] = rng.nextGaussian();
        }
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY; // this thread's CPU time: immune to load, meaningful on 1 thread
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 10; rep++) {
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            Kernel.multiplyInto(a, b, c);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        KernelInfo k = Kernel.info();
        System.out.printf(Locale.ROOT, "{\"peer\": \"deepgrid\", \"gflops\": %.2f, \"cpu_gflops\": %.2f, "
                + "\"blas\": \"%s: %s, %d thread(s)\"}%n", 2.0 * n * n * n / best / 1e9,
                2.0 * n * n * n / bestCpu / 1e9, k.kernel(), k.blas(), k.threads());
    }
}
