import deepgrid.math.FlatMatrix;
import deepgrid.math.Kernel;
import java.util.Locale;
import java.util.Random;

/**
 * The dgemm ceiling as deepgrid sees it: the best of 10 runs of one 1024×1024·1024×1024
 * float64 product through deepgrid's kernel (Kernel.multiplyInto), as GFLOP/s (2·n³ flops).
 * Prints one JSON line. Run from the project root after building the jar:
 *   java -cp target/deepgrid.jar bench/DgemmCeiling.java
 * Threads as in a run: DEEPGRID_THREADS=N with OPENBLAS_NUM_THREADS=1 (deepgrid splits the product).
 */
public final class DgemmCeiling {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        Random rng = new Random(0);
        FlatMatrix a = new FlatMatrix(n, n);
        FlatMatrix b = new FlatMatrix(n, n);
        FlatMatrix c = new FlatMatrix(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data()[i] = rng.nextGaussian();
            b.data()[i] = rng.nextGaussian();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 10; rep++) {
            long t0 = System.nanoTime();
            Kernel.multiplyInto(a, b, c);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "{\"peer\": \"deepgrid\", \"gflops\": %.2f, \"kernel\": \"%s\"}%n",
                2.0 * n * n * n / best / 1e9, Kernel.description().replace("\"", "'"));
    }
}
