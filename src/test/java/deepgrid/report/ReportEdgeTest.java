package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants, missing and damaged folders, defused text, and the cases where no p-value exists. */
class ReportEdgeTest {
    private static final String LR = "optimizer.lr";

    @TempDir
    Path dir;

    @Test
    void variantsAreComparedWhenNothingElseDiffers() throws IOException {
        Results r = new Results(dir, LR);
        double[] shallow = {0.70, 0.75, 0.72, 0.71};
        double[] deep = {0.78, 0.77, 0.80, 0.79};
        for (int s = 0; s < 4; s++) {
            r.run("shallow", "0.1").write(s, shallow[s], 0.5);
            r.run("deep", "0.1").write(s, deep[s], 0.5);
            r.run("deep", "0.01").write(s, 0.5, 0.5);
        }
        Report.rebuild(r.writeRunsCsv().dir());
        List<Map<String, String>> rows = Csv.read(dir.resolve("comparisons.csv"));
        // scipy ttest_rel(deep, shallow) = t 4.333333, p 0.022669039489701524 (scripts/report-reference.py)
        Map<String, String> row = ReportTest.find(rows, "variant", LR + "=0.1", "test_accuracy");
        assertEquals(List.of("shallow", "deep", "4"), List.of(row.get("value_a"), row.get("value_b"), row.get("n_pairs")));
        assertEquals(0.022669039489701524, Double.parseDouble(row.get("p_value")), 1e-10);
        assertEquals(0.065, Double.parseDouble(row.get("difference")), 1e-12);
        // deep 0.1 vs deep 0.01 differ in lr only; shallow 0.1 vs deep 0.01 differ in two places
        assertEquals(List.of("variant", LR), rows.stream().map(x -> x.get("path")).distinct().toList());
        assertEquals(4, rows.size(), "2 pairs × 2 metrics");
        assertEquals("variant=deep", ReportTest.find(rows, LR, "variant=deep", "test_loss").get("fixed"));
    }

    @Test
    void noPValueWithoutVarianceOrWithOnePair() throws IOException {
        Results r = new Results(dir, LR);
        // b − a is 0.05 for every seed, although 0.85 − 0.80 and 0.86 − 0.81 differ in binary
        r.run("", "0.1").write(1, 0.80, 0.3).run("", "0.1").write(2, 0.81, 0.3).run("", "0.1").write(3, 0.9, 0.2);
        r.run("", "0.2").write(1, 0.85, 0.3).run("", "0.2").write(2, 0.86, 0.4).run("", "0.2").write(4, 0.9, 0.2);
        Report.rebuild(r.writeRunsCsv().dir());
        List<Map<String, String>> rows = Csv.read(dir.resolve("comparisons.csv"));
        Map<String, String> accuracy = ReportTest.find(rows, LR, "", "test_accuracy");
        assertEquals(List.of("2", ""), List.of(accuracy.get("n_pairs"), accuracy.get("p_value")));
        assertEquals(0.05, Double.parseDouble(accuracy.get("difference")), 1e-12);
        // losses: differences 0 and 0.1 vary, but 2 pairs are enough: t = 1, df = 1, p = 0.5
        assertEquals(0.5, Double.parseDouble(ReportTest.find(rows, LR, "", "test_loss").get("p_value")), 1e-12);
    }

    @Test
    void oneRunHasNoSpread() throws IOException {
        Report.rebuild(new Results(dir, LR).run("", "0.1").write(3, 0.75, 0.5).dir());
        Map<String, String> row = Csv.read(dir.resolve("summary.csv")).get(0);
        assertEquals(List.of("1", "0.75", "", "", ""), List.of(row.get("n"), row.get("test_accuracy_mean"),
                row.get("test_accuracy_std"), row.get("test_accuracy_ci95_low"), row.get("test_accuracy_ci95_high")));
        assertEquals(List.of(), Csv.read(dir.resolve("comparisons.csv")));
    }

    @Test
    void formulaLookingTextIsDefused() throws IOException {
        Results r = new Results(dir, "data.path");
        r.run("", "=HYPERLINK(\"http://x\")").write(1, 0.5, 0.5);
        r.run("", "@SUM(A1)").write(1, 0.6, 0.5);
        Path raw = dir.resolve("runs").resolve("raw-0000abcd");
        Files.createDirectories(raw); // written by hand, without Csv.row's own defusing
        Files.writeString(raw.resolve("result.csv"), "run,status,variant,seed,data.path,epochs,test_accuracy\n"
                + "raw-0000abcd,completed,,1,-cmd|calc,5,0.7\n");
        Report.rebuild(dir);
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-cmd|calc"),
                Csv.read(dir.resolve("summary.csv")).stream().map(x -> x.get("data.path")).toList());
        for (Map<String, String> row : Csv.read(dir.resolve("comparisons.csv"))) {
            assertTrue(row.get("value_a").startsWith("'") && row.get("value_b").startsWith("'"), row.toString());
        }
    }

    @Test
    void valuesWithCommasStayOneCell() throws IOException {
        Results r = new Results(dir, "optimizer");
        r.run("", "{type: adam, lr: 0.001}").write(1, 0.5, 0.5).run("", "{type: sgd, lr: 0.1}").write(1, 0.6, 0.5);
        Report.rebuild(dir);
        assertEquals(List.of("{type: adam, lr: 0.001}", "{type: sgd, lr: 0.1}"),
                Csv.read(dir.resolve("summary.csv")).stream().map(x -> x.get("optimizer")).toList());
    }

    @Test
    void withoutRunsCsvPointsFollowFolderNames() throws IOException {
        Results r = new Results(dir, "model.init");
        r.run("", "xavier_normal").write(1, 0.5, 0.5).run("", "he_normal").write(1, 0.6, 0.5);
        Report.rebuild(dir); // no runs.csv: he_normal_s1 sorts before xavier_normal_s1
        Map<String, String> row = Csv.read(dir.resolve("comparisons.csv")).get(0);
        assertEquals(List.of("he_normal", "xavier_normal"), List.of(row.get("value_a"), row.get("value_b")));
    }

    @Test
    void missingFolder() {
        DeepgridException e = assertThrows(DeepgridException.class, () -> Report.rebuild(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + " does not exist; run the experiment first", e.getMessage());
    }

    @Test
    void folderWithOnlyInflightRuns() throws IOException {
        Path inflight = Files.createDirectories(dir.resolve("runs").resolve(".inflight").resolve("a-1"));
        Files.writeString(inflight.resolve("result.csv"), "half a row");
        DeepgridException e = assertThrows(DeepgridException.class, () -> Report.rebuild(dir));
        assertEquals(dir + " has no finished runs (no runs/*/result.csv yet)", e.getMessage());
    }

    @Test
    void shortRowNamesTheFile() throws IOException {
        new Results(dir, LR).run("", "0.1").write(1, 0.5, 0.5);
        Path bad = Files.createDirectories(dir.resolve("runs").resolve("bad-0000abcd")).resolve("result.csv");
        Files.writeString(bad, "run,status,variant,seed,epochs,test_accuracy\nbad-0000abcd,completed,,1\n");
        DeepgridException e = assertThrows(DeepgridException.class, () -> Report.rebuild(dir));
        assertTrue(e.getMessage().startsWith(bad + " is not a valid result.csv: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("summary.csv")), "nothing is written from a damaged folder");
    }

    @Test
    void badNumberNamesFileAndColumn() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("runs").resolve("bad-0000abcd")).resolve("result.csv");
        Files.writeString(bad, "run,status,variant,seed,epochs,test_accuracy\nbad-0000abcd,completed,,1,5,0,9\n");
        assertThrows(DeepgridException.class, () -> Report.rebuild(dir)); // long row: one cell too many
        Files.writeString(bad, "run,status,variant,seed,epochs,test_accuracy\nbad-0000abcd,completed,,1,5,0;9\n");
        DeepgridException e = assertThrows(DeepgridException.class, () -> Report.rebuild(dir));
        assertEquals(bad + ": test_accuracy is '0;9', expected a number or an empty cell", e.getMessage());
    }
}
