package deepgrid.run.queue;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.finishedFolders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.run.JavaProcess;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design §3 "resume after a crash without a database": a forked {@code deepgrid run --jobs 2}
 * of a TPE search with ASHA pruning and a confirmation is killed with SIGKILL at seeded
 * moments (two at times spread over its uninterrupted wall time, five a seeded delay after a
 * seeded number of runs finished, one in each fifth of the runs, the last ones during the
 * confirmation), and rerun each time (two jobs, in another process). The final
 * trials.csv, rungs.csv and confirm.csv must equal an uninterrupted reference (wall-clock
 * columns aside), no run finished before the kill may change, and no run is trained to
 * completion twice: the runs the killed process recorded and the runs the rerun trained are
 * disjoint.
 */
class SearchCrashTest {
    private static final long KILL_SEED = 20_261_130L;
    /** Kills at a time (0 ≤ k < BY_TIME), then after progress (BY_TIME ≤ k < KILLS): the latter cover startup, model and confirmation. */
    private static final int BY_TIME = 2;
    private static final int KILLS = 7;
    private static final Pattern FINISHED = Pattern.compile("\\] crash-search: (completed|pruned|diverged|failed) (\\S+)");

    static final String FILE = """
            name: crash-search
            seed: 1
            data: {source: spiral, samples: 80, noise: 0.25, validation: 0.25}
            model:
              init: he_normal
              layers:
                - dense: 32
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 27, batch_size: 16}
            search:
              objective: val_accuracy
              trials: 14
              startup: 4
              window: 3
              space:
                optimizer.lr: {float: [1.0e-3, 1.0], log: true}
                model.layers[0].dense: {int: [4, 64], log: true}
              pruner: {type: asha, min_epochs: 1, reduction: 3}
              confirm: {top: 2, repeats: 2}
            """;

    @TempDir
    Path tmp;

    /**
     * A forked {@code deepgrid run --jobs 2}, every one on the pure-Java kernel: the kernel chosen
     * at start-up (native unless a speed check under load says otherwise) would change the last
     * bits of the metrics, and with them later proposals, from one process to the next.
     */
    private Process deepgrid(Path file, Path out, String log) throws IOException {
        return JavaProcess.start(tmp.resolve(log), List.of("-Xmx256m", "-Ddeepgrid.kernel=java"), "deepgrid.cli.Main",
                "run", file.toString(), "--out", out.toString(), "--jobs", "2");
    }

    @Test
    void killedAtSeededMomentsARerunEndsAsTheUninterruptedSearch() throws Exception {
        Path file = Files.writeString(tmp.resolve("crash-search.yaml"), FILE);
        long t0 = System.nanoTime();
        Process whole = deepgrid(file, tmp.resolve("reference"), "reference.log");
        if (!whole.waitFor(300, TimeUnit.SECONDS)) {
            whole.destroyForcibly();
            fail("the reference search did not finish: " + Files.readString(tmp.resolve("reference.log")));
        }
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(0, whole.exitValue(), Files.readString(tmp.resolve("reference.log")));
        Path reference = tmp.resolve("reference").resolve("crash-search");
        assertClean(reference);
        int total = finishedFolders(reference).size();
        Path refSearch = deepgrid.run.ResultsCheck.searchDir(reference);
        assertTrue(Csv.read(refSearch.resolve("trials.csv")).stream().anyMatch(r -> r.get("state").equals("pruned")));

        Random random = new Random(KILL_SEED);
        for (int k = 0; k < KILLS; k++) {
            Path out = tmp.resolve("kill" + k);
            Path log = tmp.resolve("kill" + k + ".log");
            Process p = deepgrid(file, out, log.getFileName().toString());
            String moment;
            if (k < BY_TIME) {
                double stratum = Math.max(1, totalMillis - 300) / (double) BY_TIME;
                long at = 300 + (long) ((k + random.nextDouble()) * stratum);
                moment = "kill " + k + " at " + at + " ms of " + totalMillis + " ms (seed " + KILL_SEED + ")";
                p.waitFor(at, TimeUnit.MILLISECONDS);
            } else {
                int runs = 1 + (int) ((k - BY_TIME + random.nextDouble()) * (total - 1) / (KILLS - BY_TIME));
                long extra = random.nextInt(150);
                moment = "kill " + k + " " + extra + " ms after run " + runs + " of " + total + " finished (seed "
                        + KILL_SEED + ")";
                awaitFinished(p, log, runs);
                p.waitFor(extra, TimeUnit.MILLISECONDS);
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), moment);
            Path exp = out.resolve("crash-search");
            Map<Path, byte[]> before = finishedFiles(exp);
            Set<String> trainedBefore = finished(Files.readString(log));

            Process again = deepgrid(file, out, "rerun" + k + ".log");
            assertTrue(again.waitFor(300, TimeUnit.SECONDS), moment + ": the rerun did not finish");
            String rerun = Files.readString(tmp.resolve("rerun" + k + ".log"));
            assertEquals(0, again.exitValue(), moment + ": " + rerun);
            assertClean(exp);
            Set<String> trainedAfter = finished(rerun);
            Set<String> twice = new HashSet<>(trainedBefore);
            twice.retainAll(trainedAfter);
            assertEquals(Set.of(), twice, moment + ": trained to completion twice");
            for (var e : before.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), moment + ": rerun changed " + e.getKey());
            }
            Path search = deepgrid.run.ResultsCheck.searchDir(exp);
            assertEquals(refSearch.getFileName(), search.getFileName(), moment);
            for (String f : List.of("trials.csv", "rungs.csv", "confirm.csv", "history.csv", "importance.csv")) {
                assertEquals(deepgrid.run.ResultsCheck.searchRows(refSearch.resolve(f)), deepgrid.run.ResultsCheck.searchRows(search.resolve(f)),
                        moment + ": " + f);
            }
            assertEquals(total, finishedFolders(exp).size(), moment);
            System.err.printf("SearchCrashTest: %s: %d runs had finished, the rerun trained %d%n", moment,
                    trainedBefore.size(), trainedAfter.size());
        }
    }

    /** The runs a log reports as recorded by its own process. */
    private static Set<String> finished(String log) {
        Set<String> ids = new HashSet<>();
        for (String line : log.lines().toList()) {
            Matcher m = FINISHED.matcher(line);
            if (m.find() && !line.contains("by another process")) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    private static void awaitFinished(Process p, Path log, int runs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (finished(Files.readString(log)).size() >= runs) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Every file of every finished run folder, to compare after the rerun. */
    private static Map<Path, byte[]> finishedFiles(Path exp) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        for (String run : finishedFolders(exp)) {
            try (Stream<Path> list = Files.list(exp.resolve("runs").resolve(run))) {
                for (Path f : list.toList()) {
                    files.put(f, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }
}
