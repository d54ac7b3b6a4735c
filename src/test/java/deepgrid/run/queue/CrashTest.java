package deepgrid.run.queue;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.assertWholeCsv;
import static deepgrid.run.ResultsCheck.finishedFolders;
import static deepgrid.run.ResultsCheck.header;
import static deepgrid.run.ResultsCheck.runIds;
import static deepgrid.run.ResultsCheck.withoutTime;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.run.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2/§3: a deepgrid process killed with SIGKILL at any moment leaves no half-written
 * file, and rerunning the same command completes the grid as if it had never stopped.
 * A forked {@code deepgrid run --jobs 2} of 8 short runs is killed at seeded moments: five
 * at times between 0.3 s and its uninterrupted wall time (one in each fifth), and five a
 * seeded delay after a seeded number of runs finished (wall time alone varies too much with
 * the load of a shared machine to be sure that kills land among finished runs). Then three
 * times two runners share one folder and one of them (or both, at different moments) is
 * killed: the survivor must take over the dead one's runs and finish the grid. After each
 * kill a rerun (in this JVM) must finish the grid with every run in runs.csv once, every CSV
 * whole, no claim, in-flight folder or temp file left, the runs finished before the kill
 * untouched, and every run equal to an uninterrupted reference (wall-clock columns aside).
 */
class CrashTest {
    /** Seeds the kill moments; a failure names its moment, so it can be replayed. */
    private static final long KILL_SEED = 20_240_601L;
    /** Kills at a time, then kills after progress: 0 ≤ k < BY_TIME, then BY_TIME ≤ k < KILLS. */
    private static final int BY_TIME = 5;
    private static final int KILLS = 10;
    /** Kills of one of two runners sharing the folder: A (--jobs 2), B (--jobs 1), then both. */
    private static final List<String> SHARED_KILLS = List.of("A", "B", "AB");

    static final String GRID = """
            name: crash
            seed: 3
            repeats: 2
            data: {source: spiral, samples: 100}
            model:
              layers:
                - dense: 50
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 100, batch_size: 32}
            grid:
              model.layers[*].activation: [tanh, relu, sigmoid, elu]
            """;

    @TempDir
    Path tmp;

    /**
     * A forked {@code deepgrid run}, every one on the pure-Java kernel: the kernel a start-up speed
     * check chooses on a loaded machine may differ from one process to the next, and the kernel is
     * part of what a finished run records (its blas column).
     */
    private Process deepgrid(Path file, Path out, String log, int jobs) throws IOException {
        return JavaProcess.start(tmp.resolve(log), List.of("-Xmx256m", "-Ddeepgrid.kernel=java"), "deepgrid.cli.Main", "run",
                file.toString(),
                "--out", out.toString(), "--jobs", Integer.toString(jobs));
    }

    /** A deepgrid process started into {@code out} and killed at {@code moment}. */
    private record Kill(Path out, String moment) {
    }

    @Test
    void killedAtSeededMomentsARerunCompletesTheGridAsIfUninterrupted() throws Exception {
        Path file = Files.writeString(tmp.resolve("crash.yaml"), GRID);
        long t0 = System.nanoTime();
        Process whole = deepgrid(file, tmp.resolve("reference"), "reference.log", 2);
        if (!whole.waitFor(120, TimeUnit.SECONDS)) {
            whole.destroyForcibly();
            fail("the reference run did not finish: " + Files.readString(tmp.resolve("reference.log")));
        }
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(0, whole.exitValue(), Files.readString(tmp.resolve("reference.log")));
        Path reference = tmp.resolve("reference").resolve("crash");
        assertClean(reference);
        assertEquals(8, runIds(reference).size());

        Random random = new Random(KILL_SEED);
        for (int k = 0; k < KILLS + SHARED_KILLS.size(); k++) {
            Kill kill = k < KILLS ? kill(file, k, random, totalMillis) : killShared(file, k, random);
            Path exp = kill.out().resolve("crash");
            Map<Path, byte[]> before = finishedFiles(exp, kill.moment());
            int done = (int) before.keySet().stream().filter(f -> f.endsWith("result.csv")).count();
            // two jobs on the rerun: results must not depend on how many runs train at once
            Process again = deepgrid(file, kill.out(), "rerun" + k + ".log", 2);
            assertTrue(again.waitFor(120, TimeUnit.SECONDS), kill.moment() + ": the rerun did not finish");
            String rerunErr = Files.readString(tmp.resolve("rerun" + k + ".log"));
            assertEquals(0, again.exitValue(), kill.moment() + ": " + rerunErr);
            assertTrue(rerunErr.contains("8 runs: " + (8 - done) + " completed, 0 diverged, 0 failed, " + done
                    + " already done"), kill.moment() + ": " + rerunErr);
            assertClean(exp);
            assertEquals(runIds(reference), runIds(exp), kill.moment() + ": every run once, in plan order");
            for (var e : before.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), kill.moment() + ": rerun changed " + e.getKey());
            }
            for (String id : runIds(reference)) {
                assertSameRun(reference.resolve("runs").resolve(id), exp.resolve("runs").resolve(id), kill.moment());
            }
            System.err.printf("CrashTest: %s: %d runs had finished, the rerun trained %d%n", kill.moment(), done, 8 - done);
        }
    }

    /**
     * Kill k: for k < BY_TIME at a seeded moment in the k-th third of [0.3 s, total]; after
     * that a seeded delay (< 150 ms) after a seeded number of runs finished, in the k-th
     * third of 1..7.
     */
    private Kill kill(Path file, int k, Random random, long totalMillis) throws IOException, InterruptedException {
        Path out = tmp.resolve("kill" + k);
        Path log = tmp.resolve("kill" + k + ".log");
        Process p = deepgrid(file, out, log.getFileName().toString(), 2);
        String moment;
        if (k < BY_TIME) {
            double stratum = Math.max(1, totalMillis - 300) / (double) BY_TIME;
            long killAt = 300 + (long) ((k + random.nextDouble()) * stratum);
            moment = "kill " + k + " at " + killAt + " ms of " + totalMillis + " ms (seed " + KILL_SEED + ")";
            p.waitFor(killAt, TimeUnit.MILLISECONDS);
        } else {
            int third = k - BY_TIME;
            int runs = 1 + (int) ((third + random.nextDouble()) * 7 / (KILLS - BY_TIME));
            assertTrue(runs >= 1 && runs <= 7);
            long extra = random.nextInt(150);
            moment = "kill " + k + " " + extra + " ms after run " + runs + " of 8 finished (seed " + KILL_SEED + ")";
            awaitFinished(p, log, runs);
            p.waitFor(extra, TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly(); // SIGKILL (nothing if it had already ended)
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), moment);
        return new Kill(out, moment);
    }

    /**
     * Two runners on one folder, A with two jobs and B with one; {@code who} of them is killed
     * a seeded delay after a seeded number of runs finished (in either log). The survivor, if
     * any, must finish the grid alone, taking over the dead runner's runs.
     */
    private Kill killShared(Path file, int k, Random random) throws Exception {
        String who = SHARED_KILLS.get(k - KILLS);
        Path out = tmp.resolve("kill" + k);
        Path logA = tmp.resolve("kill" + k + "a.log");
        Path logB = tmp.resolve("kill" + k + "b.log");
        Process a = deepgrid(file, out, logA.getFileName().toString(), 2);
        Process b = deepgrid(file, out, logB.getFileName().toString(), 1);
        int runs = 1 + random.nextInt(6);
        long extra = random.nextInt(150);
        String moment = "kill " + k + " of runner " + who + " of two sharing the folder, " + extra + " ms after run "
                + runs + " of 8 finished (seed " + KILL_SEED + ")";
        awaitFinished(List.of(a, b), List.of(logA, logB), runs);
        Thread.sleep(extra);
        if (who.contains("A")) {
            a.destroyForcibly();
        }
        if (who.equals("AB")) {
            awaitFinished(List.of(b), List.of(logA, logB), Math.min(7, runs + 1));
        }
        if (who.contains("B")) {
            b.destroyForcibly();
        }
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), moment);
        }
        if (!who.equals("AB")) {
            Process survivor = who.equals("A") ? b : a;
            String log = Files.readString(who.equals("A") ? logB : logA);
            assertEquals(0, survivor.exitValue(), moment + ": the survivor finishes the grid: " + log);
            assertTrue(log.contains("8 runs: "), log);
        }
        return new Kill(out, moment);
    }

    /** Waits until the process has reported {@code runs} finished runs (or has ended). */
    private static void awaitFinished(Process p, Path log, int runs) throws IOException, InterruptedException {
        awaitFinished(List.of(p), List.of(log), runs);
    }

    /** Waits until the logs together report {@code runs} finished runs, or every process has ended. */
    private static void awaitFinished(List<Process> ps, List<Path> logs, int runs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ps.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline) {
            int done = 0;
            for (Path log : logs) {
                String text = Files.readString(log);
                done += (int) text.lines().filter(l -> l.contains("] crash: completed ") && !l.contains("by another")).count();
            }
            if (done >= runs) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Right after a kill: runs.csv (if any) and every finished run are whole; their bytes, to compare after the rerun. */
    private static Map<Path, byte[]> finishedFiles(Path exp, String moment) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        if (Files.exists(exp.resolve("runs.csv"))) {
            List<String> listed = runIds(exp);
            assertTrue(finishedFolders(exp).containsAll(listed), moment + ": runs.csv lists a run with no folder");
        }
        for (String run : finishedFolders(exp)) {
            Path dir = exp.resolve("runs").resolve(run);
            assertWholeCsv(dir.resolve("metrics.csv"));
            assertWholeCsv(dir.resolve("result.csv"));
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.toList()) {
                    files.put(f, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    /** Same config, same metrics and result, wall-clock columns aside. */
    private static void assertSameRun(Path expected, Path actual, String moment) throws IOException {
        String what = moment + ": " + actual.getFileName();
        assertEquals(Files.readString(expected.resolve("config.yaml")), Files.readString(actual.resolve("config.yaml")), what);
        for (String csv : List.of("metrics.csv", "result.csv")) {
            assertEquals(header(expected.resolve(csv)), header(actual.resolve(csv)), what + "/" + csv);
            assertEquals(withoutTime(expected.resolve(csv)), withoutTime(actual.resolve(csv)), what + "/" + csv);
        }
    }
}
