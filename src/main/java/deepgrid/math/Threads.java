package deepgrid.math;

import deepgrid.DeepgridException;

/**
 * How many threads share one matrix product of a run (see {@link Kernel}). The setting
 * {@value #PROPERTY} or else {@value #ENV} ({@code N} or {@code all}) wins, capped at the
 * number of cores (more threads than cores only wait for each other); without it, the default
 * that the queue sets with {@link #useByDefault}, following {@link #forRuns}: the cores
 * shared among the runs of the files being run, so that a single run, or a file of fewer runs
 * than cores, uses cores that would otherwise stay idle. It depends on the files and the cores
 * only, never on {@code --jobs}: on some kernels a product split among threads rounds its
 * last bits differently, and a resumed grid must compute its runs as before. The default
 * before the queue sets one is 1.
 */
public final class Threads {
    /** System property naming the threads per product: N or all. */
    static final String PROPERTY = "deepgrid.threads";
    /** Environment variable naming the threads per product when the property is not set. */
    static final String ENV = "DEEPGRID_THREADS";

    private static volatile int byDefault = 1;

    private Threads() {
    }

    /** The policy: threads per product for files of {@code runs} runs on this machine. */
    public static int forRuns(int runs) {
        return forRuns(runs, cores());
    }

    /** The policy on a machine of {@code cores} cores: ⌊cores / runs⌋, at least 1. */
    static int forRuns(int runs, int cores) {
        return Math.max(1, cores / Math.max(1, runs));
    }

    /** Makes {@code threads} (capped at the cores) the count used when no setting names one. */
    public static void useByDefault(int threads) {
        byDefault = Math.max(1, Math.min(threads, cores()));
    }

    /** Throws a {@link DeepgridException} naming the setting if it is not a thread count; call it early. */
    public static void checkSetting() {
        setting();
    }

    /** The threads per product now in force: the setting (capped at the cores), else the default. */
    static int current() {
        Setting s = setting();
        return s.requested() > 0 ? s.threads() : byDefault;
    }

    /** "2 threads (DEEPGRID_THREADS=100000, capped at the 2 cores)", "1 thread", ... for the kernel's description. */
    static String describe(int threads) {
        Setting s = setting();
        String count = threads == 1 ? "1 thread" : threads + " threads";
        if (s.requested() <= 0) {
            return count + " (default" + (threads > 1 ? ": the idle cores" : "") + "; set " + ENV + " to change)";
        }
        return count + " (" + s.source() + "=" + s.value() + (s.requested() > s.threads()
                ? ", capped at the " + cores() + " cores)" : ")");
    }

    /** A parsed setting: {@code requested} ≤ 0 when none is set; {@code threads} is it capped at the cores. */
    record Setting(String source, String value, int requested, int threads) {
    }

    static Setting setting() {
        String property = System.getProperty(PROPERTY);
        String source = property != null ? "-D" + PROPERTY : ENV;
        String value = property != null ? property : System.getenv(ENV);
        int requested = parse(source, value, cores());
        return new Setting(source, value, requested, Math.min(requested, cores()));
    }

    /** A count ≥ 1 or "all" (every core); 0 when unset or blank. */
    static int parse(String source, String value, int cores) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        if (value.trim().equals("all")) {
            return cores;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DeepgridException(source + "=" + value + " is not a thread count; expected a number ≥ 1 or 'all'");
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
