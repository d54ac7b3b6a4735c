package deepgrid.math;

import deepgrid.DeepgridException;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which BLAS {@link Kernel} runs on, chosen once per process by the system property
 * {@value #PROPERTY} or else the environment variable {@value #ENV}:
 * <ul>
 * <li>{@code auto} (default): the native BLAS if netlib's JNI binding can load the system's
 * {@code libblas.so.3} (Debian: OpenBLAS once {@code libopenblas0} is installed), else pure Java;
 * <li>{@code native}: the native BLAS, and an error if there is none;
 * <li>{@code java}: netlib's pure-Java BLAS — {@code VectorBLAS} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else {@code Java11BLAS}.
 * </ul>
 * Both give the same products up to rounding (tested to 1e-12 relative in {@code KernelTest}).
 *
 * <p>Threads: {@value #THREADS_PROPERTY} or else {@value #THREADS_ENV} ({@code N} or {@code all};
 * default 1) is how many threads share one product, each running a single-threaded BLAS on a
 * block of rows ({@link Workers}). That needs OpenBLAS itself single-threaded
 * ({@code OPENBLAS_NUM_THREADS=1}, which the {@code ./deepgrid} launcher sets): if OpenBLAS runs
 * its own threads, deepgrid adds none, so that the two never fight over the cores.
 */
final class KernelChoice {
    /** System property naming the kernel: auto, native or java. */
    static final String PROPERTY = "deepgrid.kernel";
    /** Environment variable naming the kernel when the property is not set. */
    static final String ENV = "DEEPGRID_KERNEL";
    /** System property naming the threads per product: N or all. */
    static final String THREADS_PROPERTY = "deepgrid.threads";
    /** Environment variable naming the threads per product when the property is not set. */
    static final String THREADS_ENV = "DEEPGRID_THREADS";

    // netlib logs its choice at INFO on every start; deepgrid reports it in --version instead.
    // A strong reference keeps the level: the logging framework holds loggers weakly.
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    static {
        NETLIB_LOG.setLevel(Level.WARNING);
    }

    private final RowMajorBlas blas;
    private final int threads;
    private final String description;

    private KernelChoice(RowMajorBlas blas, int threads, String description) {
        this.blas = blas;
        this.threads = threads;
        this.description = description;
    }

    RowMajorBlas blas() {
        return blas;
    }

    /** How many threads share one product (1: the calling thread alone). */
    int threads() {
        return threads;
    }

    /** One line for --version, e.g. "native BLAS: OpenBLAS (…/libopenblasp-r0.3.21.so) via netlib JNI, 1 thread". */
    String description() {
        return description;
    }

    /** The kernel the settings ask for; a {@link DeepgridException} for an unknown name, thread count or missing native BLAS. */
    static KernelChoice fromSettings() {
        int threads = threadSetting();
        String property = System.getProperty(PROPERTY);
        String source = property != null ? "-D" + PROPERTY : ENV;
        String requested = property != null ? property : System.getenv(ENV);
        String name = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "java":
                // don't even load the native library: the user asked for pure Java
                System.setProperty("dev.ludovic.netlib.blas.allowNative", "false");
                return java(threads, "");
            case "native":
                return nativeBlas().map(b -> describeNative(b, threads)).orElseThrow(() -> new DeepgridException(
                        source + "=native, but no native BLAS could be loaded; " + HOW_TO_INSTALL));
            case "auto":
                return nativeBlas().map(b -> describeNative(b, threads))
                        .orElseGet(() -> java(threads, " — no native BLAS found; " + HOW_TO_INSTALL));
            default:
                throw new DeepgridException(source + "=" + requested + " is not a kernel; allowed: auto, native, java");
        }
    }

    static final String HOW_TO_INSTALL = "on Debian/Ubuntu: apt-get install libopenblas0";

    /** The native BLAS through netlib's JNI binding, if the system has one. */
    static Optional<RowMajorBlas> nativeBlas() {
        try {
            return Optional.of(new RowMajorBlas(NativeBLAS.getInstance()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** netlib's pure-Java BLAS. */
    static RowMajorBlas javaBlas() {
        return new RowMajorBlas(JavaBLAS.getInstance());
    }

    private static KernelChoice java(int threads, String note) {
        RowMajorBlas blas = javaBlas();
        String hint = blas.implementation().equals("VectorBLAS") ? ""
                : " (4× faster with the JVM option --add-modules jdk.incubator.vector)";
        return new KernelChoice(blas, threads,
                "pure Java: netlib " + blas.implementation() + hint + ", " + threadCount(threads) + note);
    }

    private static KernelChoice describeNative(RowMajorBlas blas, int threads) {
        String openBlas = System.getenv("OPENBLAS_NUM_THREADS");
        String library = "native BLAS: " + nativeLibrary() + " via netlib JNI, ";
        if (openBlas != null && openBlas.trim().equals("1")) {
            return new KernelChoice(blas, threads, library + threadCount(threads));
        }
        String own = openBlas == null || openBlas.isBlank()
                ? "all " + Runtime.getRuntime().availableProcessors() + " cores (OPENBLAS_NUM_THREADS not set)"
                : openBlas.trim() + " (OPENBLAS_NUM_THREADS)";
        return new KernelChoice(blas, 1, library + "OpenBLAS's own threads: " + own
                + (threads > 1 ? "; " + THREADS_ENV + " is ignored unless OPENBLAS_NUM_THREADS=1" : ""));
    }

    private static String threadCount(int threads) {
        return threads == 1 ? "1 thread" : threads + " threads (" + THREADS_ENV + ")";
    }

    /** The threads per product the settings ask for: a count ≥ 1, or "all" for every core; default 1. */
    static int threadSetting() {
        String property = System.getProperty(THREADS_PROPERTY);
        String source = property != null ? "-D" + THREADS_PROPERTY : THREADS_ENV;
        String value = property != null ? property : System.getenv(THREADS_ENV);
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (value.trim().equals("all")) {
            return Runtime.getRuntime().availableProcessors();
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

    /** The BLAS library the process has mapped (Linux), e.g. "OpenBLAS (/usr/lib/…/libopenblasp-r0.3.21.so)". */
    private static String nativeLibrary() {
        List<String> libraries;
        try {
            libraries = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.contains("blas") && !path.contains("netlibblasjni"))
                    .distinct().toList();
        } catch (IOException | RuntimeException e) {
            return "libblas.so.3";
        }
        Optional<String> openBlas = libraries.stream().filter(p -> p.contains("openblas")).findFirst();
        if (openBlas.isPresent()) {
            return "OpenBLAS (" + openBlas.get() + ")";
        }
        return libraries.isEmpty() ? "libblas.so.3"
                : libraries.get(0) + " (not OpenBLAS: slow; " + HOW_TO_INSTALL + ")";
    }
}
