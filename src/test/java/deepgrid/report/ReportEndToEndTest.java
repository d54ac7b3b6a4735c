package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepgrid run} on the small spiral grid of the determinism test (tanh vs relu, 2
 * seeds, train, validation and test splits, dropout) leaves a report.html that is well
 * formed and has a chart for every split and for every per-layer statistic.
 */
class ReportEndToEndTest {

    @Test
    void runWritesTheReportPage(@TempDir Path out) throws Exception {
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(stderr), "run",
                Path.of(getClass().getResource("/determinism/spiral-small.yaml").toURI()).toString(), "--out",
                out.toString());
        assertEquals(Main.OK, code, stderr.toString());

        String page = Files.readString(out.resolve("spiral-small/report.html"));
        PageChecks.assertWellFormed(page);
        assertTrue(page.contains("<h1>spiral-small</h1>"));
        assertTrue(page.contains("<h2>Comparisons: test accuracy</h2>"));
        for (String chart : List.of("train loss", "train accuracy", "validation loss", "validation accuracy",
                "test loss", "test accuracy", "gradient norm (log)", "update / weight ratio (log)", "activation std", "saturated fraction",
                "dead fraction")) {
            assertTrue(page.contains("aria-label=\"" + chart + "\""), chart);
        }
        assertEquals(2, ReportPageTest.count(page, "<details open=\"open\"><summary>"), "one open block per point");
        assertFalse(page.contains("NaN") || page.contains("id=\"notes\""), "nothing unreadable");
    }
}
