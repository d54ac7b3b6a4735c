package deepgrid.math;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of OpenBLAS's CPU-specific kernels ("cores") runs the native products. OpenBLAS picks
 * its core when the library loads, from {@code OPENBLAS_CORETYPE} or else its own CPU
 * detection — and Debian's OpenBLAS 0.3.21 does not know recent CPUs (an Intel Sapphire
 * Rapids, for one) and silently falls back to its Prescott (SSE3) kernels, 4–6× slower.
 *
 * <p>So before the native library loads, when the user has not set {@code OPENBLAS_CORETYPE},
 * {@link #prepare} chooses the core from the CPU's flags ({@link #forFlags}) and puts it into
 * the process environment with libc's {@code setenv} (through JNA: the JVM cannot change its
 * own environment), so that OpenBLAS reads it when it initialises. That covers {@code ./deepgrid},
 * {@code java -jar} and the tests alike. A value the user set is never changed.
 * {@link #running} asks the loaded library which core it runs.
 */
final class BlasCore {
    /** OpenBLAS's variable naming its core. */
    static final String ENV = "OPENBLAS_CORETYPE";

    /** How the core was chosen: by the user, by deepgrid from the CPU's flags, or left to OpenBLAS. */
    record Choice(String core, String how) {
        /** Left to OpenBLAS's own detection. */
        static final Choice OPENBLAS = new Choice("", "from OpenBLAS's own detection");

        boolean byDeepgrid() {
            return how.startsWith("chosen");
        }
    }

    private static Choice prepared;

    private BlasCore() {
    }

    /**
     * The OpenBLAS core for a CPU with these flags (as in /proc/cpuinfo): SkylakeX (AVX-512 F, BW,
     * VL and DQ), else Haswell (AVX2 and FMA), else none — older CPUs OpenBLAS 0.3.21 knows.
     */
    static Optional<String> forFlags(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            return Optional.of("SkylakeX");
        }
        if (flags.containsAll(Set.of("avx2", "fma"))) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** The flags of the first processor in {@code cpuinfo} (Linux's /proc/cpuinfo format); empty if none. */
    static Set<String> flags(String cpuinfo) {
        return cpuinfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /**
     * Before the native BLAS loads: the user's {@code OPENBLAS_CORETYPE} if set, else the core for
     * this CPU's flags, exported to the process environment (x86-64 Linux only). Idempotent.
     */
    static synchronized Choice prepare() {
        if (prepared == null) {
            prepared = choose(System.getenv(ENV), cpuFlags());
            if (prepared.byDeepgrid() && !setenv(ENV, prepared.core())) {
                prepared = new Choice("", "from OpenBLAS's own detection (could not set " + ENV + "="
                        + prepared.core() + " before loading it: start with " + ENV + "=" + prepared.core() + ")");
            }
        }
        return prepared;
    }

    /** The choice for a user setting (null: unset) and the CPU's flags; pure, for tests. */
    static Choice choose(String userSetting, Set<String> flags) {
        if (userSetting != null && !userSetting.isBlank()) {
            return new Choice(userSetting.trim(), "from " + ENV);
        }
        return forFlags(flags).map(core -> new Choice(core, "chosen from the CPU's flags"))
                .orElse(Choice.OPENBLAS);
    }

    /** The core the loaded OpenBLAS at {@code library} runs, e.g. "SkylakeX"; empty if it cannot say. */
    static Optional<String> running(String library) {
        try {
            Function f = NativeLibrary.getInstance(library).getFunction("openblas_get_corename");
            String core = f.invokeString(new Object[0], false);
            return core == null || core.isBlank() ? Optional.empty() : Optional.of(core.trim());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // not OpenBLAS, or JNA cannot load here
        }
    }

    /** This CPU's flags (x86-64 Linux; empty elsewhere). */
    static Set<String> cpuFlags() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Set.of();
        }
        try {
            return flags(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    // libc's setenv(name, value, overwrite = 0): the C environment OpenBLAS reads, not Java's copy
    private static boolean setenv(String name, String value) {
        try {
            Function f = NativeLibrary.getInstance("c").getFunction("setenv");
            return f.invokeInt(new Object[] {name, value, 0}) == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
