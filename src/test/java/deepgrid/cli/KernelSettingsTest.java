package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.Kernel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's settings as a user meets them: bad values named as settings, the core in --version, the launcher. */
class KernelSettingsTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aBadThreadSettingIsTheEnvironmentsFaultNotTheFiles(@TempDir Path dir) throws Exception {
        // a validation split used to reach the kernel while the data was checked: "file:9:11: data: DEEPGRID_THREADS=abc ..."
        Path file = Files.writeString(dir.resolve("f.yaml"), """
                name: f
                data: {source: spiral, samples: 20, validation: 0.2}
                model: {layers: [{dense: 3}]}
                loss: cross_entropy
                """);
        System.setProperty("deepgrid.threads", "abc");
        try {
            for (String command : new String[] {"validate", "plan", "run", "gradcheck"}) {
                String[] r = run(command, file.toString(), command.equals("validate") || command.equals("gradcheck")
                        ? "--set=seed=0" : "--out=" + dir.resolve("results"));
                assertEquals("2", r[0], command + ": " + r[1] + r[2]);
                assertEquals("deepgrid: -Ddeepgrid.threads=abc is not a thread count; expected a number ≥ 1 or 'all'",
                        r[2].strip(), command);
            }
            assertEquals("0", run("--version")[0], "the version is still shown");
        } finally {
            System.clearProperty("deepgrid.threads");
        }
        assertFalse(Files.exists(dir.resolve("results")), "nothing was written");
    }

    @Test
    void versionAndDatasetsNameTheBlasCore() {
        String kernel = Kernel.info().kernel();
        for (String command : new String[] {"--version", "datasets"}) {
            String[] r = run(command);
            assertEquals("0", r[0], r[2]);
            if (kernel.equals("native") && Kernel.info().blas().startsWith("OpenBLAS")) {
                assertTrue(r[1].contains("core "), r[1]);
            }
            assertTrue(r[1].contains(Kernel.info().blas()), r[1]);
        }
    }

    @Test
    void theLauncherPipesNothingIntoGrepQ() throws Exception {
        // under `set -o pipefail`, `cmd | grep -q` fails at random when grep quits first (SIGPIPE):
        // the launcher then added the vector module on ~1 start in 5 and the JVM printed a warning
        String launcher = Files.readString(Path.of("deepgrid"));
        assertTrue(launcher.contains("set -euo pipefail"), "the launcher still uses pipefail");
        assertFalse(launcher.matches("(?s).*\\|\\s*grep -q.*"), "a pipe into grep -q in ./deepgrid");
    }
}
