package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The threads per product: the default policy, the setting's syntax and its cap, and the start-up check's verdict. */
class ThreadsTest {
    @ParameterizedTest(name = "{0} runs at once on {1} cores → {2} threads each")
    @CsvSource({"1, 2, 2", "2, 2, 1", "5, 2, 1", "1, 8, 8", "3, 8, 2", "4, 8, 2", "8, 8, 1", "0, 4, 4", "1, 1, 1"})
    void theIdleCoresAreSharedAmongTheRunsAtOnce(int runs, int cores, int threads) {
        assertEquals(threads, Threads.forRuns(runs, cores));
    }

    @Test
    void settingsParse() {
        assertEquals(0, Threads.parse("DEEPGRID_THREADS", null, 2));
        assertEquals(0, Threads.parse("DEEPGRID_THREADS", " ", 2));
        assertEquals(3, Threads.parse("DEEPGRID_THREADS", " 3 ", 2));
        assertEquals(16, Threads.parse("DEEPGRID_THREADS", "all", 16));
        assertEquals(100000, Threads.parse("DEEPGRID_THREADS", "100000", 2)); // capped by setting(), not here
    }

    @Test
    void badSettingsAreRefusedByName() {
        for (String bad : new String[] {"abc", "0", "-1", "1.5", "99999999999"}) {
            var e = assertThrows(DeepgridException.class, () -> Threads.parse("DEEPGRID_THREADS", bad, 2));
            assertEquals("DEEPGRID_THREADS=" + bad + " is not a thread count; expected a number ≥ 1 or 'all'",
                    e.getMessage());
        }
    }

    @Test
    void aSettingAboveTheCoresIsCappedAndSaysSo() {
        String old = System.getProperty(Threads.PROPERTY);
        System.setProperty(Threads.PROPERTY, "100000");
        try {
            Threads.Setting s = Threads.setting();
            assertEquals(100000, s.requested());
            assertEquals(Threads.cores(), s.threads());
            assertEquals(Threads.cores(), Threads.current());
            assertTrue(Kernel.notes().contains("-Ddeepgrid.threads=100000 is more than the " + Threads.cores()
                    + " cores: using " + Threads.cores()), Kernel.notes().toString());
            assertTrue(Threads.describe(Threads.cores()).endsWith("capped at the " + Threads.cores() + " cores)"));
        } finally {
            if (old == null) {
                System.clearProperty(Threads.PROPERTY);
            } else {
                System.setProperty(Threads.PROPERTY, old);
            }
        }
    }

    @Test
    void theStartUpCheckLeavesANativeLibraryOnlyWhenItIsClearlySlower() {
        Set<String> avx512 = Set.of("avx2", "fma", "avx512f");
        assertEquals(24.0, SpeedCheck.javaGflops(avx512, true));
        assertEquals(12.0, SpeedCheck.javaGflops(Set.of("avx2", "fma"), true));
        assertEquals(6.0, SpeedCheck.javaGflops(avx512, false));
        assertTrue(new SpeedCheck.Result(2.0, 24.0).javaIsFaster()); // a reference BLAS
        assertFalse(new SpeedCheck.Result(17.0, 24.0).javaIsFaster()); // Prescott kernels: slow, not broken
        assertFalse(new SpeedCheck.Result(11.0, 6.0).javaIsFaster());
    }
}
