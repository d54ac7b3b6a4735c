package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** OpenBLAS's core from the CPU's flags, on fake flag sets of real CPUs, and the user's setting always winning. */
class BlasCoreTest {
    // abridged /proc/cpuinfo flags of the machines this project has met
    static final String SAPPHIRE_RAPIDS = "fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq "
            + "avx512ifma avx512cd avx512bw avx512vl avx512_bf16 amx_tile amx_int8";
    static final String EPYC_ZEN5 = "fpu sse sse2 pni ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2 avx512f "
            + "avx512dq avx512ifma avx512cd avx512bw avx512vl avx512_bf16";
    static final String ZEN2 = "fpu sse sse2 pni ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2 sha_ni";
    static final String HASWELL = "fpu sse sse2 pni ssse3 fma sse4_1 sse4_2 avx f16c avx2";
    static final String KNIGHTS_LANDING = "sse sse2 ssse3 fma avx avx2 avx512f avx512cd avx512er avx512pf";
    static final String SANDY_BRIDGE = "fpu sse sse2 pni ssse3 sse4_1 sse4_2 avx";
    static final String AVX2_WITHOUT_FMA = "sse sse2 avx avx2";

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({"Sapphire Rapids, " + SAPPHIRE_RAPIDS + ", SkylakeX",
        "EPYC (Zen 5), " + EPYC_ZEN5 + ", SkylakeX",
        "EPYC (Zen 2), " + ZEN2 + ", Haswell",
        "Haswell, " + HASWELL + ", Haswell",
        "Knights Landing (AVX-512 F without BW/VL/DQ), " + KNIGHTS_LANDING + ", Haswell",
        "Sandy Bridge, " + SANDY_BRIDGE + ", ''",
        "AVX2 without FMA, " + AVX2_WITHOUT_FMA + ", ''",
        "no flags, '', ''"})
    void coreFromFlags(String cpu, String flags, String core) {
        assertEquals(core.isEmpty() ? Optional.empty() : Optional.of(core), BlasCore.forFlags(set(flags)), cpu);
    }

    @Test
    void theUsersSettingIsNeverOverridden() {
        assertEquals(new BlasCore.Choice("Prescott", "from OPENBLAS_CORETYPE"),
                BlasCore.choose("Prescott", set(SAPPHIRE_RAPIDS)));
        assertEquals(new BlasCore.Choice("Zen", "from OPENBLAS_CORETYPE"), BlasCore.choose(" Zen ", set(HASWELL)));
    }

    @Test
    void unsetOrBlankIsChosenFromTheFlagsOrLeftToOpenBlas() {
        assertEquals(new BlasCore.Choice("SkylakeX", "chosen from the CPU's flags"),
                BlasCore.choose(null, set(SAPPHIRE_RAPIDS)));
        assertTrue(BlasCore.choose("", set(HASWELL)).byDeepgrid());
        assertEquals(BlasCore.Choice.OPENBLAS, BlasCore.choose(null, set(SANDY_BRIDGE)));
    }

    @Test
    void flagsAreReadFromTheFirstProcessorOfCpuinfo() {
        String cpuinfo = """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Xeon(R) Platinum 8488C
                flags\t\t: fpu avx2 fma avx512f avx512bw avx512vl avx512dq
                bugs\t\t: spectre_v1

                processor\t: 1
                flags\t\t: fpu sse
                """;
        assertEquals(set("fpu avx2 fma avx512f avx512bw avx512vl avx512dq"), BlasCore.flags(cpuinfo));
        assertEquals(Set.of(), BlasCore.flags("processor\t: 0\n"));
    }

    @Test
    void theVersionIsReadFromTheLibraryName() {
        assertEquals("0.3.21", KernelChoice.openBlasVersion("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"));
        assertEquals("", KernelChoice.openBlasVersion("/usr/lib/libblas.so.3"));
    }

    private static Set<String> set(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
    }
}
