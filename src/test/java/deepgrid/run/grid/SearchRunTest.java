package deepgrid.run.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.ResultsCheck;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design §3 end to end: a TPE search with ASHA pruning and confirmation gives the same
 * trials, the same pruning decisions and the same best trial with one job and with two
 * (time columns aside); another search seed gives other trials; deepgrid report rebuilds
 * every search file from the run folders alone; a rerun trains nothing.
 */
public class SearchRunTest {
    public static final String FILE = """
            name: tiny-search
            seed: 3
            data: {source: spiral, samples: 60, noise: 0.25, validation: 0.25}
            model:
              init: he_normal
              layers:
                - dense: 16
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 9, batch_size: 30}
            search:
              objective: val_accuracy
              trials: 12
              startup: 4
              window: 3
              space:
                optimizer.lr: {float: [1.0e-3, 1.0], log: true}
                model.layers[0].dense: {int: [2, 64], log: true}
              enqueue:
                - optimizer.lr: 0.1
              pruner: {type: asha, min_epochs: 1, reduction: 3}
              confirm: {top: 2, repeats: 3}
            """;

    @TempDir
    Path tmp;

    static ResultsCheck.Cli run(Path file, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        ResultsCheck.Cli c = ResultsCheck.Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.code(), c.err());
        return c;
    }

    /** The one search folder of an experiment. */
    static Path searchDir(Path exp) throws IOException {
        return ResultsCheck.searchDir(exp);
    }

    /** A search file's rows without its wall-clock columns. */
    static List<Map<String, String>> rows(Path csv) throws IOException {
        return ResultsCheck.searchRows(csv);
    }

    @Test
    void sameTrialsPruningAndBestWithOneJobOrTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("tiny-search.yaml"), FILE);
        run(file, tmp.resolve("one"), "--jobs", "1");
        ResultsCheck.Cli two = run(file, tmp.resolve("two"), "--jobs", "2");
        Path a = searchDir(tmp.resolve("one/tiny-search"));
        Path b = searchDir(tmp.resolve("two/tiny-search"));
        assertEquals(a.getFileName(), b.getFileName());
        for (String f : List.of("trials.csv", "history.csv", "rungs.csv", "importance.csv", "confirm.csv")) {
            assertEquals(rows(a.resolve(f)), rows(b.resolve(f)), f);
        }
        List<Map<String, String>> trials = Csv.read(a.resolve("trials.csv"));
        assertEquals(12 + 3, trials.size(), "12 trials, then the 2 best and the baseline confirmed");
        assertEquals("enqueued", trials.get(0).get("phase"));
        assertEquals("0.1", trials.get(0).get("optimizer.lr"));
        assertTrue(trials.stream().anyMatch(r -> r.get("phase").equals("model")), "TPE modelled some trials");
        assertTrue(trials.stream().anyMatch(r -> r.get("state").equals("pruned")), "ASHA pruned some trials");
        assertTrue(rows(a.resolve("rungs.csv")).stream().anyMatch(r -> r.get("decision").equals("prune")));
        assertEquals(Csv.read(a.resolve("confirm.csv")).get(0).get("trial"), Csv.read(b.resolve("confirm.csv")).get(0).get("trial"),
                "the same best trial");
        assertTrue(two.err().contains("pruned"), two.err());

        // the decisions taken while training are the ones rungs.csv replays from metrics.csv
        Map<String, String> prunedAt = new java.util.HashMap<>();
        for (Map<String, String> r : Csv.read(a.resolve("rungs.csv"))) {
            if (r.get("decision").equals("prune")) {
                prunedAt.put(r.get("trial"), r.get("epoch"));
            }
        }
        int pruned = 0;
        for (Map<String, String> r : ResultsCheck.runs(tmp.resolve("one/tiny-search"))) {
            if (r.get("status").equals("pruned")) {
                pruned++;
                assertEquals(prunedAt.get(r.get("trial")), r.get("epochs"), "pruned where rungs.csv says: " + r);
                assertTrue(List.of("1", "3").contains(r.get("epochs")), "pruned at a rung: " + r);
            }
            assertEquals(a.getFileName().toString(), r.get("search"));
        }
        assertEquals(prunedAt.size(), pruned, "one prune decision per pruned run");
        ResultsCheck.assertClean(tmp.resolve("two/tiny-search"));
    }

    @Test
    void anotherSearchSeedGivesOtherTrials() throws IOException {
        Path file = Files.writeString(tmp.resolve("tiny-search.yaml"), FILE.replace("trials: 12", "trials: 5")
                .replace("confirm: {top: 2, repeats: 3}", "confirm: none"));
        run(file, tmp.resolve("s0"));
        run(file, tmp.resolve("s5"), "--set", "search.seed=5");
        Path a = searchDir(tmp.resolve("s0/tiny-search"));
        Path b = searchDir(tmp.resolve("s5/tiny-search"));
        assertNotEquals(a.getFileName(), b.getFileName());
        List<Map<String, String>> ta = rows(a.resolve("trials.csv"));
        List<Map<String, String>> tb = rows(b.resolve("trials.csv"));
        assertEquals(ta.get(0).get("optimizer.lr"), tb.get(0).get("optimizer.lr"), "the enqueued trial is the same");
        for (int i = 1; i < 5; i++) {
            assertNotEquals(ta.get(i).get("optimizer.lr"), tb.get(i).get("optimizer.lr"), "trial " + i);
        }
    }

    @Test
    void reportRebuildsEverySearchFileFromTheRunFoldersAndARerunTrainsNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("tiny-search.yaml"), FILE);
        Path out = tmp.resolve("out");
        run(file, out, "--jobs", "2");
        Path exp = out.resolve("tiny-search");
        Path dir = searchDir(exp);
        List<String> names = List.of("trials.csv", "history.csv", "rungs.csv", "importance.csv", "confirm.csv");
        List<String> before = new ArrayList<>();
        for (String f : names) {
            before.add(Files.readString(dir.resolve(f)));
            Files.delete(dir.resolve(f));
        }
        ResultsCheck.Cli report = ResultsCheck.Cli.run("report", exp.toString());
        assertEquals(0, report.code(), report.err());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(before.get(i), Files.readString(dir.resolve(names.get(i))), names.get(i));
        }
        ResultsCheck.Cli again = run(file, out, "--jobs", "2");
        assertTrue(again.err().contains("0 completed, 0 diverged, 0 failed, 21 already done"), again.err());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(before.get(i), Files.readString(dir.resolve(names.get(i))), names.get(i));
        }
        String page = Files.readString(exp.resolve("report.html"));
        for (String view : List.of("Optimisation history", "Learning curves of the trials", "Slice: optimizer.lr",
                "Parallel coordinates", "Parameter importance", "Confirmation on fresh seeds", "Budget: epochs spent")) {
            assertTrue(page.contains(view), view);
        }
        assertFalse(page.contains("http://") && page.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "the page loads nothing from outside");
    }

    @Test
    void planListsWhatIsKnownBeforeResults() {
        Path file;
        try {
            file = Files.writeString(tmp.resolve("tiny-search.yaml"), FILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ResultsCheck.Cli plan = ResultsCheck.Cli.run("plan", file.toString(), "--out", tmp.resolve("p").toString());
        assertEquals(0, plan.code(), plan.err());
        String out = plan.out();
        assertTrue(out.contains("trial=0 (enqueued)  optimizer.lr=0.1"), out);
        assertTrue(out.contains("trial=5 (startup)"), out);
        assertFalse(out.contains("trial=6 ("), out);
        assertTrue(out.contains("known before any result: trials 0–5 (1 enqueued), drawn at random (startup)"), out);
        assertTrue(out.contains("trials 6–11: proposed by TPE from the results of earlier trials"), out);
        assertTrue(out.contains("pruner asha (min_epochs 1, reduction 3): decisions after epochs 1, 3 of 9"), out);
        assertTrue(out.contains("budget: 108 epochs without pruning (12 × 1 × 9), then confirmation: the 2 best trials"
                + " and the baseline (trial 0) on 3 fresh seeds (54+ epochs)"), out);
        assertTrue(out.contains("6 runs known before any result"), out);
    }
}
