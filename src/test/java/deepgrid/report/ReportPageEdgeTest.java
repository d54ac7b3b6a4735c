package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html from folders with less in them: no per-run files, a damaged one, variants, a larger grid. */
class ReportPageEdgeTest {
    @TempDir
    Path dir;

    @Test
    void resultFilesAloneStillGiveAPage() throws Exception {
        Path experiment = Files.createDirectories(dir.resolve("my-study"));
        Results r = new Results(experiment, "optimizer.lr");
        r.run("", "0.1").write(1, 0.5, 0.7).run("", "0.01").write(1, 0.6, 0.6);
        String page = rebuild(experiment);
        PageChecks.assertWellFormed(page);
        assertTrue(page.contains("<h1>my-study</h1>"), "no config.yaml: the folder's name");
        assertTrue(page.contains("No run folder has a metrics.csv with values."));
        assertEquals(2, ReportPageTest.count(page, "No layers.csv in this point&#39;s runs."));
        assertTrue(page.contains("No run has a readable config.yaml."));
    }

    @Test
    void damagedMetricsFileIsNotedAndLeftOut() throws Exception {
        Results r = new Results(dir, "optimizer.lr");
        r.run("", "0.1").file("metrics.csv", EpochFiles.metrics(3, 2)).write(1, 0.5, 0.7);
        r.run("", "0.1").file("metrics.csv", "epoch,train_loss\n0,1,2\n").write(2, 0.5, 0.7);
        String page = rebuild(dir);
        Path bad = dir.resolve("runs/0.1_s2-0000abcd/metrics.csv");
        assertTrue(page.contains("<section id=\"notes\">"), page);
        assertTrue(page.contains("<li>" + bad + " could not be read ("), page);
        assertTrue(page.contains("aria-label=\"train loss\""), "the other run is still drawn");
    }

    @Test
    void variantsGetAColumnAndBigGridsStartCollapsed() throws Exception {
        Results r = new Results(dir, "optimizer.lr");
        for (String variant : new String[] {"shallow", "deep", "wide"}) {
            for (String lr : new String[] {"0.1", "0.01"}) {
                r.run(variant, lr).file("layers.csv", EpochFiles.layers(2)).write(1, 0.5, 0.7);
            }
        }
        String page = rebuild(r.writeRunsCsv().dir());
        assertTrue(page.contains("<tr><th>variant</th><td>shallow, deep, wide</td></tr>"));
        assertTrue(page.contains("<th></th><th>variant</th><th>optimizer.lr</th>"), "summary columns");
        assertEquals(1, ReportPageTest.count(page, "<details open=\"open\"><summary><span"), "6 points: only the first open");
        assertEquals(5, ReportPageTest.count(page, "<details><summary><span"));
    }

    @Test
    void onlyFailedRunsGiveAPageWithoutStatistics() throws Exception {
        Results r = new Results(dir, "optimizer.lr");
        r.run("", "0.1").set("status", "failed").set("epochs", "0").set("reason", "no such file: x.csv")
                .write(1, Double.NaN, Double.NaN);
        String page = rebuild(dir);
        PageChecks.assertWellFormed(page);
        assertTrue(page.contains("<code>0.1_s1-0000abcd</code> failed: no such file: x.csv"), page);
        assertTrue(page.contains("No two grid points differ in exactly one path"));
    }

    @Test
    void lossesSpanningManyDecadesGetALogAxis() throws Exception {
        // lr 100 ran away to a loss of 1e40 but early stopping ended it "completed", before any NaN
        Results r = new Results(dir, "optimizer.lr");
        r.run("", "0.1").file("metrics.csv", EpochFiles.metrics(3, 2)).write(1, 0.9, 0.3);
        r.run("", "100").file("metrics.csv", EpochFiles.metrics(3, 1e40)).write(1, 0.3, 1e40);
        String page = rebuild(dir);
        assertTrue(page.contains("aria-label=\"train loss (log)\""));
        assertTrue(page.contains("aria-label=\"train accuracy\""));
        // 0.5 .. 1e40 is 41 decades: labelled every 10th, 1e-10, 1, 1e10, ..., 1e40
        assertTrue(page.contains(">1e-10</text>") && page.contains(">1e40</text>"), "decade ticks");
    }

    private static String rebuild(Path experiment) throws IOException {
        Report.rebuild(experiment);
        return Files.readString(experiment.resolve("report.html"));
    }
}
