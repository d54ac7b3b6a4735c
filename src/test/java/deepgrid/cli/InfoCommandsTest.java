package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The commands that only inform: datasets, --version, --help. */
class InfoCommandsTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void datasetsListsEverySourceWithItsOptionsTheKernelAndRealData() {
        Result r = run("datasets");
        assertEquals(0, r.code(), r.err());
        for (String s : Catalog.SOURCES.nameSet()) {
            assertTrue(r.out().contains("  " + s + " "), s + " in\n" + r.out());
        }
        assertTrue(r.out().contains("classes      (3)                number of spirals; an integer ≥ 2"),
                "spiral's default and range, read from the source record\n" + r.out());
        assertTrue(r.out().contains("every source also takes:") && r.out().contains("validation   (0)"), r.out());
        assertTrue(r.out().contains("Matrix kernel"), r.out());
        assertTrue(r.out().contains("Real data:") && r.out().contains("fashion-mnist "), r.out());
    }

    @Test
    void versionNamesTheKernel() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("deepgrid "), r.out());
        assertTrue(r.out().contains("kernel: "), r.out());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"run", "validate", "plan", "report", "gradcheck", "datasets"}) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: deepgrid " + cmd), cmd + ":\n" + r.out());
        }
    }
}
