package deepgrid.run.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.ResultsCheck;
import deepgrid.run.SearchTrial;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design §2 through the commands: a search block is checked before anything trains, every
 * problem at once and positioned (its probe points included); the guards and warnings;
 * {@code --set search.…}; a small discrete space; duplicates; grid × search.
 */
class SearchFileTest {
    static final String BASE = """
            name: s
            seed: 0
            data: {source: spiral, samples: 40, validation: 0.25}
            model:
              layers:
                - dense: 8
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 3, batch_size: 30}
            """;

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static ResultsCheck.Cli cli(String... args) {
        return ResultsCheck.Cli.run(args);
    }

    @Test
    void everyProblemOfTheSearchAtOncePositionedBeforeAnythingTrains() throws IOException {
        Path f = file("bad.yaml", BASE + """
                search:
                  objective: test_accuracy
                  trials: 0
                  space:
                    model.layers[0].dense: {int: [0, 8]}
                    optimizer.lr: {float: [0.1, 0.01]}
                  pruner: {type: asha, reduction: 1}
                grid:
                  model.layers[0].dense: [4, 8]
                """);
        ResultsCheck.Cli c = cli("run", f.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, c.code(), c.err());
        String err = c.err();
        assertTrue(err.contains("bad.yaml:13:14: search.objective: tuning on test_accuracy"), err);
        assertTrue(err.contains("bad.yaml:14:11: search.trials: found 0"), err);
        assertTrue(err.contains("bad.yaml:17:27: search.space.optimizer.lr: low 0.1 is above high 0.01"), err);
        assertTrue(Files.notExists(tmp.resolve("out/s/runs")) || !Files.list(tmp.resolve("out/s/runs")).findAny().isPresent(),
                "nothing trained");
    }

    @Test
    void probePointsBindLikeRunsAndPathsInTheGridAreRefused() throws IOException {
        Path f = file("probe.yaml", BASE + """
                search:
                  objective: val_accuracy
                  space:
                    model.layers[0].dense: {int: [0, 8]}
                grid:
                  optimizer.lr: [0.1]
                """);
        ResultsCheck.Cli c = cli("validate", f.toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("probe.yaml:15:28: "), "the bad end of the range is pointed at: " + c.err());

        Path g = file("both.yaml", BASE + """
                search:
                  objective: val_accuracy
                  space:
                    optimizer.lr: {float: [0.01, 0.1]}
                grid:
                  optimizer.lr: [0.1]
                """);
        c = cli("validate", g.toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("search.space.optimizer.lr: the path is also in grid:"), c.err());
    }

    @Test
    void testObjectiveNeedsPermissionAndValObjectiveNeedsAValidationSplit() throws IOException {
        String text = BASE + """
                search:
                  objective: test_accuracy
                  allow_test_objective: true
                  trials: 2
                  space:
                    optimizer.lr: {float: [0.01, 0.1]}
                """;
        assertEquals(0, cli("validate", file("allowed.yaml", text).toString()).code());
        ResultsCheck.Cli c = cli("validate", file("noval.yaml", text.replace(", validation: 0.25", "")
                .replace("test_accuracy", "val_loss")).toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("search.objective: val_loss needs a validation split; set data.validation"), c.err());
    }

    @Test
    void warningsAreShownAndSetReachesTheSearchBlock() throws IOException {
        Path f = file("warn.yaml", BASE + """
                search:
                  objective: val_accuracy
                  trials: 4
                  space:
                    optimizer.lr: {float: [1.0e-4, 1.0]}
                """);
        ResultsCheck.Cli c = cli("validate", f.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("warn.yaml:16:19: warning: search.space.optimizer.lr: [0.0001, 1] spans 4.0 decades"
                + " on a linear scale"), c.err());

        c = cli("plan", f.toString(), "--set", "search.trials=2", "--set",
                "search.space.model.layers[0].dense={int: [4, 16], log: true}", "--out", tmp.resolve("p").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("2 trials × 1 seed"), c.out());
        assertTrue(c.out().contains("model.layers[0].dense="), c.out());
    }

    @Test
    void aDiscreteSpaceSmallerThanTheBudgetRunsEachPointOnce() throws IOException {
        Path f = file("small.yaml", BASE + """
                search:
                  objective: val_accuracy
                  trials: 10
                  space:
                    model.layers[*].activation: [relu, tanh]
                    optimizer.lr: {choice: [0.05, 0.1]}
                  confirm: none
                """);
        Path out = tmp.resolve("out");
        ResultsCheck.Cli c = cli("run", f.toString(), "--out", out.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("warning: search: the space has only 4 points, fewer than trials: 10"), c.err());
        List<Map<String, String>> trials = Csv.read(SearchRunTest.searchDir(out.resolve("s")).resolve("trials.csv"));
        assertEquals(4, trials.size());
        Set<String> points = new HashSet<>();
        trials.forEach(t -> points.add(t.get("model.layers[*].activation") + t.get("optimizer.lr")));
        assertEquals(4, points.size(), "each point once");
    }

    @Test
    void aProposalEqualToAnEarlierOneIsADuplicateThatSharesItsRun() throws IOException {
        Path f = file("dup.yaml", BASE + """
                search:
                  objective: val_accuracy
                  sampler: random
                  trials: 8
                  space:
                    optimizer.lr: {choice: [0.05, 0.1, 0.2]}
                    model.layers[0].dense: {int: [4, 8], step: 2}
                  confirm: none
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, cli("run", f.toString(), "--out", out.toString()).code());
        List<Map<String, String>> trials = Csv.read(SearchRunTest.searchDir(out.resolve("s")).resolve("trials.csv"));
        long duplicates = trials.stream().filter(t -> t.get("state").equals("duplicate")).count();
        assertTrue(duplicates > 0, "9 points, 8 random draws: some repeat");
        assertEquals(8 - duplicates, ResultsCheck.runs(out.resolve("s")).size(), "a duplicate trains nothing");
        for (Map<String, String> t : trials) {
            assertTrue(Files.isDirectory(out.resolve("s/runs").resolve(t.get("run"))), "a duplicate names the shared run");
        }
    }

    @Test
    void theMedianRulePrunesAgainstTheCompletedTrialsThatHadEnded() throws IOException {
        Path f = file("median.yaml", BASE.replace("epochs: 3", "epochs: 6") + """
                search:
                  objective: val_loss
                  sampler: random
                  trials: 10
                  window: 1
                  space:
                    optimizer.lr: {float: [1.0e-4, 1.0], log: true}
                  pruner: {type: median, startup: 2, warmup_epochs: 1}
                  confirm: none
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, cli("run", f.toString(), "--out", out.toString()).code());
        Path dir = SearchRunTest.searchDir(out.resolve("s"));
        List<Map<String, String>> rungs = Csv.read(dir.resolve("rungs.csv"));
        assertTrue(rungs.stream().allMatch(r -> r.get("rung").isEmpty()), "the median rule has no rungs");
        assertTrue(rungs.stream().noneMatch(r -> Integer.parseInt(r.get("trial")) < 2), "no decision before 2 completed");
        List<Map<String, String>> trials = Csv.read(dir.resolve("trials.csv"));
        long pruned = trials.stream().filter(t -> t.get("state").equals("pruned")).count();
        assertEquals(pruned, rungs.stream().filter(r -> r.get("decision").equals("prune")).count());
        assertTrue(pruned > 0, "lr 1e-4 to 1: some trials are far behind the median");
    }

    @Test
    void gridTimesSearchIsOneSearchPerArmAndComparesTheTunedArms() throws IOException {
        Path f = file("arms.yaml", BASE + """
                search:
                  objective: val_accuracy
                  trials: 3
                  startup: 2
                  space:
                    optimizer.lr: {float: [0.01, 0.5], log: true}
                  confirm: {top: 1, repeats: 3}
                grid:
                  model.layers[*].activation: [relu, tanh]
                """);
        Path out = tmp.resolve("out");
        ResultsCheck.Cli c = cli("run", f.toString(), "--out", out.toString(), "--jobs", "2");
        assertEquals(0, c.code(), c.err());
        Path exp = out.resolve("s");
        List<Map<String, String>> arms = Csv.read(exp.resolve("search/arms.csv"));
        assertEquals(2, arms.size());
        assertEquals(Set.of("model.layers[*].activation=relu", "model.layers[*].activation=tanh"),
                Set.of(arms.get(0).get("arm"), arms.get(1).get("arm")));
        assertEquals("3", arms.get(0).get("n"));
        List<Map<String, String>> summary = Csv.read(exp.resolve("summary.csv"));
        assertEquals(2, summary.size(), "one row per arm: its tuned configuration");
        assertEquals("3", summary.get(0).get("n"));
        assertEquals(1, Csv.read(exp.resolve("comparisons.csv")).stream().map(r -> r.get("path")).distinct().count());
        assertTrue(Files.readString(exp.resolve("report.html")).contains("Tuned against tuned"));
    }

    @Test
    void aTrialTravelsAsOneLine() {
        SearchTrial t = new SearchTrial("ab12cd34", 7, "model", Map.of("optimizer[sgd].lr", "0.01", "w", "a b,c\"%"),
                new SearchTrial.Pruning("val_accuracy", "asha maximize 3 1:0.5,0.25 3:"));
        String line = t.encode();
        assertTrue(!line.contains("\n"), line);
        assertEquals(t, SearchTrial.decode(line));
    }
}
