package deepgrid.math;

import deepgrid.DeepgridException;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code libblas.so.3} (Debian: OpenBLAS once {@code libopenblas0} is installed) and the
 * start-up {@link SpeedCheck} finds it no slower than the pure-Java kernel, else pure Java;
 * <li>{@code native}: the native BLAS, and an error if there is none;
 * <li>{@code java}: netlib's pure-Java BLAS — {@code VectorBLAS} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the launcher always adds it), else {@code Java11BLAS}.
 * </ul>
 * Before the native library loads, {@link BlasCore#prepare} sets OpenBLAS's CPU kernels.
 * Both kernels give the same products up to rounding (tested to 1e-12 relative in {@code KernelTest}).
 *
 * <p>Threads ({@link Threads}) share one product in blocks of rows, each running a
 * single-threaded BLAS ({@link Workers}). That needs OpenBLAS itself single-threaded
 * ({@code OPENBLAS_NUM_THREADS=1}, which the {@code ./deepgrid} launcher sets): if OpenBLAS runs
 * its own threads, deepgrid adds none, so that the two never fight over the cores.
 */
final class KernelChoice {
    /** System property naming the kernel: auto, native or java. */
    static final String PROPERTY = "deepgrid.kernel";
    /** Environment variable naming the kernel when the property is not set. */
    static final String ENV = "DEEPGRID_KERNEL";
    static final String HOW_TO_INSTALL = "on Debian/Ubuntu: apt-get install libopenblas0";

    // netlib logs its choice at INFO on every start; deepgrid reports it in --version instead.
    // A strong reference keeps the level: the logging framework holds loggers weakly.
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    static {
        NETLIB_LOG.setLevel(Level.WARNING);
    }

    private final RowMajorBlas blas;
    private final String kernel; // "native" or "java"
    private final String library; // e.g. "OpenBLAS 0.3.21 SkylakeX", "VectorBLAS"
    private final boolean ownThreads; // false when OpenBLAS runs threads of its own
    private final String detail; // the library's path, how its core was chosen, the start-up check
    private final List<String> notes; // what a user should hear about once (a fallback, a missing module)

    private KernelChoice(RowMajorBlas blas, String kernel, String library, boolean ownThreads, String detail,
            List<String> notes) {
        this.blas = blas;
        this.kernel = kernel;
        this.library = library;
        this.ownThreads = ownThreads;
        this.detail = detail;
        this.notes = List.copyOf(notes);
    }

    RowMajorBlas blas() {
        return blas;
    }

    /** How many threads share one product now (1: the calling thread alone). */
    int threads() {
        return ownThreads ? Threads.current() : 1;
    }

    KernelInfo info() {
        return new KernelInfo(kernel, library, threads());
    }

    List<String> notes() {
        return notes;
    }

    /** One line for --version, e.g. "native BLAS: OpenBLAS 0.3.21, core SkylakeX (…) via netlib JNI, 1 thread". */
    String description() {
        String threads = ownThreads ? Threads.describe(threads()) : detailThreads();
        return (kernel.equals("native") ? "native BLAS: " : "pure Java: netlib ") + library + detail + ", " + threads;
    }

    private static String detailThreads() {
        String openBlas = System.getenv("OPENBLAS_NUM_THREADS");
        String own = openBlas == null || openBlas.isBlank()
                ? "all " + Threads.cores() + " cores (OPENBLAS_NUM_THREADS not set)"
                : openBlas.trim() + " (OPENBLAS_NUM_THREADS)";
        return "OpenBLAS's own threads: " + own + "; " + Threads.ENV + " is ignored unless OPENBLAS_NUM_THREADS=1";
    }

    /** The kernel the settings ask for; a {@link DeepgridException} for an unknown name, thread count or missing native BLAS. */
    static KernelChoice fromSettings() {
        Threads.checkSetting();
        String name = requestedName();
        switch (name) {
            case "java":
                // don't even load the native library: the user asked for pure Java
                System.setProperty("dev.ludovic.netlib.blas.allowNative", "false");
                return java(List.of());
            case "native":
                return nativeBlas().map(b -> describeNative(b, "")).orElseThrow(() -> new DeepgridException(
                        source() + "=native, but no native BLAS could be loaded; " + HOW_TO_INSTALL));
            default:
                return nativeBlas().map(KernelChoice::checked)
                        .orElseGet(() -> java(List.of("no native BLAS found, so products run on pure Java; "
                                + HOW_TO_INSTALL)));
        }
    }

    /** auto, native or java, as the settings ask (default auto); a {@link DeepgridException} for anything else. */
    static String requestedName() {
        String property = System.getProperty(PROPERTY);
        String requested = property != null ? property : System.getenv(ENV);
        String name = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        List<String> names = java.util.Arrays.stream(Kernel.Choice.values()).map(Kernel.Choice::settingName).toList();
        if (!names.contains(name)) {
            throw new DeepgridException(source() + "=" + requested + " is not a kernel; allowed: "
                    + String.join(", ", names));
        }
        return name;
    }

    private static String source() {
        return System.getProperty(PROPERTY) != null ? "-D" + PROPERTY : ENV;
    }

    /** The native BLAS through netlib's JNI binding, if the system has one; OpenBLAS's core is set first. */
    static Optional<RowMajorBlas> nativeBlas() {
        BlasCore.prepare();
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

    /** True when the JVM has the vector module the fast pure-Java BLAS needs. */
    static boolean hasVectorModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The native kernel if the start-up check finds it at least half as fast as pure Java would be, else pure Java. */
    private static KernelChoice checked(RowMajorBlas nativeBlas) {
        SpeedCheck.Result r = SpeedCheck.run(nativeBlas, BlasCore.cpuFlags(), hasVectorModule());
        if (!r.javaIsFaster()) {
            return describeNative(nativeBlas, "; " + r.describe());
        }
        KernelChoice nat = describeNative(nativeBlas, "");
        return java(List.of("the native BLAS (" + nat.library + ") is slower than deepgrid's pure-Java kernel on "
                + "this machine (" + r.describe() + "), so products run on pure Java; see deepgrid --version"));
    }

    private static KernelChoice java(List<String> notes) {
        RowMajorBlas blas = javaBlas();
        List<String> all = new ArrayList<>(notes);
        String detail = "";
        if (!blas.implementation().equals("VectorBLAS")) {
            detail = " (4× faster with the JVM option --add-modules jdk.incubator.vector)";
            all.add("the pure-Java kernel runs without the JDK's vector module, about 4× slower: start deepgrid "
                    + "with DEEPGRID_KERNEL=java ./deepgrid, or java --add-modules jdk.incubator.vector -jar deepgrid.jar");
        }
        return new KernelChoice(blas, "java", blas.implementation(), true, detail, all);
    }

    private static KernelChoice describeNative(RowMajorBlas blas, String check) {
        String path = nativeLibrary();
        String openBlasThreads = System.getenv("OPENBLAS_NUM_THREADS");
        boolean own = openBlasThreads != null && openBlasThreads.trim().equals("1");
        if (!path.contains("openblas")) {
            String slow = path.equals("libblas.so.3") ? "" : " (not OpenBLAS: slow; " + HOW_TO_INSTALL + ")";
            return new KernelChoice(blas, "native", path, own, slow + " via netlib JNI" + check, List.of());
        }
        BlasCore.Choice choice = BlasCore.prepare();
        String core = BlasCore.running(path).orElse(choice.core().isEmpty() ? "unknown core" : choice.core());
        String library = ("OpenBLAS " + openBlasVersion(path) + " " + core).replace("  ", " ");
        String detail = " (core " + (choice.core().isEmpty() ? "" : choice.core() + " ") + choice.how() + "; " + path
                + ") via netlib JNI" + check;
        List<String> notes = choice.how().contains("could not set")
                ? List.of("OpenBLAS runs its " + core + " kernels: " + choice.how().substring(choice.how().indexOf('(')))
                : List.of();
        return new KernelChoice(blas, "native", library, own, detail, notes);
    }

    /** "0.3.21" from ".../libopenblasp-r0.3.21.so"; empty if the name does not say. */
    static String openBlasVersion(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-r(\\d+(\\.\\d+)+)").matcher(path);
        return m.find() ? m.group(1) : "";
    }

    /** The BLAS library the process has mapped (Linux), e.g. "/usr/lib/…/libopenblasp-r0.3.21.so". */
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
        return libraries.stream().filter(p -> p.contains("openblas")).findFirst()
                .orElse(libraries.isEmpty() ? "libblas.so.3" : libraries.get(0));
    }
}
