package deepgrid.run.queue;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.runIds;
import static deepgrid.run.ResultsCheck.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.cli.Main;
import deepgrid.data.DataLoader;
import deepgrid.run.JavaProcess;
import deepgrid.run.ResultsCheck;
import deepgrid.run.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: resume, --fresh, failed and diverged runs, exit codes; through {@code deepgrid run} as a user runs it. */
class QueueTest {
    static final String XOR = """
            name: q
            seed: 1
            repeats: 2
            data: {source: xor}
            model:
              layers:
                - dense: 3
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 3, batch_size: full}
            grid:
              optimizer.lr: [0.5, 0.1]
            """;

    /** lr 1e6 on a regression net: the loss overflows to NaN within a few epochs. */
    static final String SINE = """
            name: sine
            data: {source: sine, samples: 40}
            model:
              layers:
                - dense: 8
                  activation: tanh
                - dense: 1
            loss: mse
            optimizer: {type: sgd, lr: 0.01}
            training: {epochs: 20, batch_size: 8}
            grid:
              optimizer.lr: [1e6, 0.01]
            """;

    @TempDir
    Path tmp;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(tmp.resolve(name), yaml);
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.endsWith(".lock")).toList()) {
                files.put(dir.relativize(p), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<Path, byte[]> expected, Map<Path, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((p, bytes) -> assertTrue(java.util.Arrays.equals(bytes, actual.get(p)), "changed: " + p));
    }

    @Test
    void aSecondRunSkipsFinishedRunsAndChangesNothing() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = tmp.resolve("results");
        ResultsCheck.Cli first = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.OK, first.code(), first.err());
        assertTrue(first.err().contains("4 runs: 4 completed, 0 diverged, 0 failed, 0 already done"), first.err());
        Path exp = out.resolve("q");
        assertClean(exp);
        Map<Path, byte[]> before = snapshot(exp);

        ResultsCheck.Cli second = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString(), "--jobs", "2");
        assertEquals(Main.OK, second.code(), second.err());
        assertTrue(second.err().contains("4 runs: 0 completed, 0 diverged, 0 failed, 4 already done"), second.err());
        assertSameFiles(before, snapshot(exp));
    }

    @Test
    void resumeTrainsOnlyWhatIsNew() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = tmp.resolve("results");
        assertEquals(Main.OK, ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString()).code());
        List<String> old = runIds(out.resolve("q"));
        // a third seed and a third learning rate: 6 − 4 = 2 + 3 new runs, the 4 old ones kept
        ResultsCheck.Cli more = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString(), "--set", "repeats=3",
                "--set", "grid.optimizer.lr=[0.5, 0.1, 0.05]");
        assertTrue(more.err().contains("9 runs: 5 completed, 0 diverged, 0 failed, 4 already done"), more.err());
        List<String> now = runIds(out.resolve("q"));
        assertEquals(9, now.size());
        assertTrue(now.containsAll(old));
        assertClean(out.resolve("q"));
    }

    @Test
    void freshMovesEarlierResultsToPreviousAndStartsOver() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = tmp.resolve("results");
        Path exp = out.resolve("q");
        assertEquals(Main.OK, ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString()).code());
        Map<Path, byte[]> old = snapshot(exp);

        ResultsCheck.Cli fresh = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString(), "--fresh");
        assertEquals(Main.OK, fresh.code(), fresh.err());
        assertTrue(fresh.err().contains("4 runs: 4 completed, 0 diverged, 0 failed, 0 already done"), fresh.err());
        List<Path> previous;
        try (Stream<Path> list = Files.list(exp.resolve("previous"))) {
            previous = list.toList();
        }
        assertEquals(1, previous.size());
        assertSameFiles(old, snapshot(previous.get(0)));
        assertEquals(runIds(previous.get(0)), runIds(exp), "the same runs again");
        assertClean(exp);
    }

    @Test
    void aFailedRunIsRecordedWithItsReasonTheQueueGoesOnAndARerunRedoesIt() throws IOException {
        Path data = Files.writeString(tmp.resolve("points.csv"), points());
        Path csvFile = write("a-csv.yaml", XOR.replace("name: q", "name: c")
                .replace("data: {source: xor}", "data: {source: csv, path: '" + data + "', label: y, test: 0}"));
        Path xorFile = write("b-xor.yaml", XOR);
        Path out = tmp.resolve("results");
        List<Planner.Plan> plans = new Queue(new DataLoader(), out).plan(Queue.files(List.of(tmp)), List.of());
        Files.move(data, tmp.resolve("elsewhere.csv")); // gone between validation and training

        var quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        Progress progress = new Progress(quiet, 0, 1, Progress.Mode.LINES);
        DataLoader loader = new DataLoader();
        Queue.Outcome o = new Queue(loader, out).run(plans, new LocalLauncher(loader, 1, progress), Queue.Start.RESUME,
                progress, quiet);
        assertEquals(new Queue.Outcome(8, 0, 4, 0, 4), o);
        for (Map<String, String> row : runs(out.resolve("c"))) {
            assertEquals("failed", row.get("status"));
            assertEquals("ConfigException: " + csvFile + ":4:27: data.path: found no file or folder at " + data,
                    row.get("reason"), "bound again as it starts: the reason names the file and the line");
            assertEquals("0", row.get("epochs"));
            assertEquals("", row.get("train_loss"));
        }
        assertClean(out.resolve("c"));
        assertEquals(List.of("completed"), runs(out.resolve("q")).stream().map(r -> r.get("status")).distinct().toList());

        Files.move(tmp.resolve("elsewhere.csv"), data);
        String failedId = runIds(out.resolve("c")).get(0);
        Files.writeString(out.resolve("c").resolve("runs").resolve(failedId).resolve("notes.txt"), "why it failed\n");
        ResultsCheck.Cli rerun = ResultsCheck.Cli.run("run", csvFile.toString(), xorFile.toString(), "--out", out.toString());
        assertEquals(Main.OK, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains("8 runs: 4 completed, 0 diverged, 0 failed, 4 already done"), rerun.err());
        assertEquals(List.of("completed"), runs(out.resolve("c")).stream().map(r -> r.get("status")).distinct().toList());
        assertEquals(4, runIds(out.resolve("c")).size(), "each failed run replaced, not added");
        assertClean(out.resolve("c"));
        try (Stream<Path> kept = Files.walk(out.resolve("c").resolve("previous"))) {
            assertEquals(List.of("why it failed\n"), kept.filter(p -> p.endsWith("notes.txt")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList(), "a user's file in a failed run's folder is kept with it in previous/");
        }
    }

    @Test
    void runAndPlanWarnWhenFinishedRunsWereComputedWithAnotherKernelOrThreadCount() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = tmp.resolve("results");
        ResultsCheck.Cli first = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertFalse(first.err().contains("warning"), first.err());
        Path exp = out.resolve("q");
        Path result = exp.resolve("runs").resolve(runIds(exp).get(0)).resolve("result.csv");
        String text = Files.readString(result);
        List<String> header = List.of(text.substring(0, text.indexOf('\n')).split(","));
        List<String> cells = new java.util.ArrayList<>(List.of(text.substring(text.indexOf('\n') + 1).strip().split(",", -1)));
        cells.set(header.indexOf("blas"), "OpenBLAS 0.3.21 Prescott");
        Files.writeString(result, String.join(",", header) + "\n" + String.join(",", cells) + "\n");
        String expected = "deepgrid: warning: " + exp + ": 1 finished run was computed with "
                + cells.get(header.indexOf("kernel")) + ", OpenBLAS 0.3.21 Prescott,";
        ResultsCheck.Cli plan = ResultsCheck.Cli.run("plan", file.toString(), "--out", out.toString());
        assertTrue(plan.err().startsWith(expected), plan.err());
        ResultsCheck.Cli again = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertTrue(again.err().startsWith(expected), again.err());
        assertTrue(again.err().contains("so their last digits may differ"), again.err());
    }

    @Test
    void aResultsPathThatIsAFileOrADanglingLinkIsRefusedBeforeAnythingTrains() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(out.resolve("q"), "not a folder");
        ResultsCheck.Cli cli = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.INVALID, cli.code());
        assertEquals("deepgrid: " + out.resolve("q") + " is a file, not a folder; move it away or choose another --out\n",
                cli.err());
        Files.delete(out.resolve("q"));
        Files.createSymbolicLink(out.resolve("q"), tmp.resolve("gone"));
        cli = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.INVALID, cli.code());
        assertEquals("deepgrid: " + out.resolve("q") + " is a symbolic link to something that does not exist;"
                + " expected a results folder\n", cli.err());
    }

    @Test
    void aHandEditedResultIsRefusedAlikeByRunAndByReport() throws IOException {
        Path file = write("q.yaml", XOR);
        Path out = tmp.resolve("results");
        assertEquals(Main.OK, ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString()).code());
        Path exp = out.resolve("q");
        Path result = exp.resolve("runs").resolve(runIds(exp).get(1)).resolve("result.csv");
        String good = Files.readString(result);
        String[] lines = good.split("\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> cells = new java.util.ArrayList<>(List.of(lines[1].split(",", -1)));
        for (var edit : Map.of("status", "finished", "train_loss", "low").entrySet()) {
            List<String> changed = new java.util.ArrayList<>(cells);
            changed.set(header.indexOf(edit.getKey()), edit.getValue());
            Files.writeString(result, lines[0] + "\n" + String.join(",", changed) + "\n");
            String expected = "deepgrid: " + result + ": " + edit.getKey() + " is '" + edit.getValue() + "', expected "
                    + (edit.getKey().equals("status") ? "one of completed, diverged, failed or pruned\n"
                    : "a number or an empty cell\n");
            ResultsCheck.Cli run = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
            assertEquals(Main.INVALID, run.code());
            assertEquals(expected, run.err());
            ResultsCheck.Cli report = ResultsCheck.Cli.run("report", exp.toString());
            assertEquals(Main.INVALID, report.code());
            assertEquals(expected, report.err());
        }
        Files.writeString(result, good);
        assertEquals(Main.OK, ResultsCheck.Cli.run("report", exp.toString()).code());
    }

    /** Two separable clusters, x1 + x2 > 0 is class b. */
    private static String points() {
        StringBuilder s = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 12; i++) {
            double x = (i % 4) * 0.3 + 0.5;
            s.append(x).append(',').append(x * 0.5).append(",b\n").append(-x).append(',').append(-x * 0.5).append(",a\n");
        }
        return s.toString();
    }

    @Test
    void aDivergedRunIsAStatusTheQueueGoesOnAndItCountsAsDone() throws IOException {
        Path file = write("sine.yaml", SINE);
        Path out = tmp.resolve("results");
        ResultsCheck.Cli cli = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.OK, cli.code(), "a diverged run is not a failure: " + cli.err());
        assertTrue(cli.err().contains("2 runs: 1 completed, 1 diverged, 0 failed, 0 already done"), cli.err());
        List<Map<String, String>> rows = runs(out.resolve("sine"));
        assertEquals(List.of("diverged", "completed"), rows.stream().map(r -> r.get("status")).toList());
        assertTrue(rows.get(0).get("reason").matches("training loss became (NaN|infinite) at epoch [0-9]+"), rows.get(0).get("reason"));
        assertTrue(Integer.parseInt(rows.get(0).get("epochs")) < 20);
        assertEquals("", rows.get(1).get("reason"));
        assertClean(out.resolve("sine"));

        ResultsCheck.Cli again = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertTrue(again.err().contains("2 runs: 0 completed, 0 diverged, 0 failed, 2 already done"), again.err());
    }

    @Test
    void exitCodeIsTwoForBadArgumentsAndInvalidFiles() throws IOException {
        Path good = write("q.yaml", XOR);
        Path bad = write("bad.yaml", XOR.replace("activation: tanh", "activation: tanhh"));
        Path out = tmp.resolve("results");
        ResultsCheck.Cli invalid = ResultsCheck.Cli.run("run", good.toString(), bad.toString(), "--out", out.toString());
        assertEquals(Main.INVALID, invalid.code());
        assertTrue(invalid.err().startsWith(bad + ":8:19: unknown activation 'tanhh'"), invalid.err());
        assertFalse(Files.exists(out.resolve("q")), "nothing trains when any file is invalid");

        assertEquals(Main.INVALID, ResultsCheck.Cli.run("run", good.toString(), "--jobs", "0").code());
        assertEquals(Main.INVALID, ResultsCheck.Cli.run("run", good.toString(), "--no-such-option").code());
        assertEquals(Main.INVALID, ResultsCheck.Cli.run("run", tmp.resolve("missing.yaml").toString()).code());
        assertEquals(Main.INVALID, ResultsCheck.Cli.run("run", good.toString(), "--set", "optimizer.lr").code());
        assertEquals(Main.INVALID, ResultsCheck.Cli.run("run").code());
    }

    @Test
    void exitCodeIsOneWhenARunFailsAndTheOthersStillRun() throws Exception {
        // a hidden layer of 500,000 units passes validation's lower bound (40 MB) but not a 64 MB heap: the run fails, its neighbours train
        Path file = write("q.yaml", XOR.replace("repeats: 2", "repeats: 1")
                .replace("optimizer.lr: [0.5, 0.1]", "model.layers[0].dense: [3, 500000, 4]"));
        Path out = tmp.resolve("results");
        Path log = tmp.resolve("deepgrid.log");
        Process p = JavaProcess.start(log, List.of("-Xmx64m"), "deepgrid.cli.Main", "run", file.toString(), "--out",
                out.toString());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deepgrid did not finish: " + Files.readString(log));
        }
        String err = Files.readString(log);
        assertEquals(Main.RUN_FAILED, p.exitValue(), err);
        assertTrue(err.contains("3 runs: 2 completed, 0 diverged, 1 failed, 0 already done"), err);
        List<Map<String, String>> rows = runs(out.resolve("q"));
        assertEquals(List.of("completed", "failed", "completed"), rows.stream().map(r -> r.get("status")).toList());
        assertTrue(rows.get(1).get("reason").startsWith("out of memory (Java heap space) in this run: it needs more than"
                + " the "), rows.get(1).get("reason"));
        assertClean(out.resolve("q"));
    }
}
