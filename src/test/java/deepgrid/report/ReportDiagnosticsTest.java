package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics views of report.html without a browser (ReportInChromiumTest opens them in
 * one): the page stays well-formed XML, each view is there when its files are, and a damaged
 * or missing diagnostics file costs its view, never the page.
 */
class ReportDiagnosticsTest {
    private static Path run(Path out) throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                Path.of(ReportDiagnosticsTest.class.getResource("/determinism/spiral-small.yaml").toURI()).toString(),
                "--out", out.toString());
        assertEquals(Main.OK, code, err.toString());
        return out.resolve("spiral-small");
    }

    @Test
    void everyViewOfTheSmallSpiralGrid(@TempDir Path out) throws Exception {
        Path dir = run(out);
        String page = Files.readString(dir.resolve("report.html"));
        PageChecks.assertWellFormed(page);
        assertTrue(page.contains("<section id=\"histograms\">") && page.contains("<th>layer 2</th>"),
                "a column per activation layer, tanh in one row and relu in the other");
        assertTrue(page.contains(">tanh</text>") && page.contains(">relu</text>"), "each cell of a mixed column named");
        assertEquals(2 * 2, ReportPageTest.count(page, "class=\"hist\""), "2 points × 1 layer × epochs 0 and 8");
        assertEquals(2 * 5, ReportPageTest.count(page, "<image href=\"data:image/png;base64,"),
                "2 points × epochs 0, 2, 4, 6, 8");
        assertEquals(2, ReportPageTest.count(page, "<table class=\"confusion\">"));
        assertTrue(page.contains("test split, 2 runs"), "summed over both seeds");
        assertFalse(page.contains("class=\"thumb\""), "no pictures of spiral points");
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\""));
        assertTrue(page.contains("<a href=\"#histograms\">Histograms</a><a href=\"#boundaries\">Boundaries</a>"
                + "<a href=\"#confusion\">Confusion</a>"), "the header links the views that are there");
    }

    @Test
    void aDamagedDiagnosticsFileCostsItsViewNotThePage(@TempDir Path out) throws Exception {
        Path dir = run(out);
        try (var runs = Files.list(dir.resolve("runs"))) {
            for (Path r : runs.filter(Files::isDirectory).toList()) {
                Files.writeString(r.resolve("boundary.csv"), "epoch,x1\n0,1,2\n");
                Files.delete(r.resolve("histograms.csv"));
                Files.writeString(r.resolve("events.csv"), "epoch,layer,kind,event,value,threshold\n1,,,diverging,9,7\n");
            }
        }
        Report.rebuild(dir);
        String page = Files.readString(dir.resolve("report.html"));
        PageChecks.assertWellFormed(page);
        assertFalse(page.contains("<section id=\"histograms\">"), "no histograms.csv, no view");
        assertTrue(page.contains("boundary.csv could not be read"), "the damaged file is named in the notes");
        assertTrue(page.contains("<td>diverging</td>") && page.contains("class=\"event-mark\""), "events and ▼ marks");
        assertTrue(page.contains("<section id=\"confusion\">"), "the rest is there");
    }
}
