package deepgrid.run.results;

import deepgrid.math.KernelInfo;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a folder's finished runs were computed as the runs about to train will be: the
 * same kernel, BLAS core and thread count (the kernel, blas and threads columns). Runs of
 * one grid computed otherwise may differ in their last digits, which a paired comparison
 * would count as an effect, so {@code run} and {@code plan} warn.
 */
public final class KernelMix {
    private KernelMix() {
    }

    /** The warning for {@code dir}, if some of {@code finished} were computed otherwise than {@code now}. */
    public static Optional<String> warning(java.nio.file.Path dir, Collection<RunRecord> finished, KernelInfo now) {
        Map<String, Integer> other = new TreeMap<>();
        for (RunRecord r : finished) {
            if (r.cell("kernel").isEmpty()) {
                continue; // recorded before deepgrid recorded its kernel, or failed before choosing one
            }
            KernelInfo then = new KernelInfo(r.cell("kernel"), r.cell("blas"), threads(r.cell("threads")));
            if (then.mayDifferFrom(now)) {
                other.merge(describe(then), 1, Integer::sum);
            }
        }
        if (other.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("warning: " + dir + ": ");
        other.forEach((how, n) -> s.append(n).append(n == 1 ? " finished run was" : " finished runs were")
                .append(" computed with ").append(how).append("; "));
        return Optional.of(s.append("the runs to train now use ").append(describe(now))
                .append(", so their last digits may differ. To match, set OPENBLAS_CORETYPE, DEEPGRID_KERNEL or"
                        + " DEEPGRID_THREADS as they were; to recompute every run alike, use --fresh").toString());
    }

    private static String describe(KernelInfo k) {
        return k.label() + ", " + k.threads() + (k.threads() == 1 ? " thread" : " threads");
    }

    private static int threads(String cell) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
