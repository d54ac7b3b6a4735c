package deepgrid.run.cluster;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.finishedFolders;
import static deepgrid.run.ResultsCheck.runIds;
import static deepgrid.run.ResultsCheck.withoutTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.run.ResultsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --launcher slurm} against a real Slurm: Debian's slurmctld, slurmd and munge as a
 * one-node cluster on loopback (scripts/slurm-cluster; a fresh one per test). Tagged
 * {@code slurm}: it installs packages and starts daemons as root, so it is opt-in locally
 * ({@code mvn test -Dgroups=slurm -Ddeepgrid.excludedGroups=slow}); .ci/run runs it.
 */
@Tag("slurm")
class SlurmClusterTest {
    /** 12 small runs: 3 activations × 4 seeds. */
    static final String GRID = """
            name: onslurm
            seed: 11
            repeats: 4
            data: {source: spiral, samples: 90}
            model:
              layers:
                - dense: 24
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.3}
            training: {epochs: EPOCHS, batch_size: 16}
            grid:
              model.layers[*].activation: [tanh, relu, sigmoid]
            launcher:
              parallel: 2
              time: "10:00"
            """;

    @TempDir
    Path tmp;
    SlurmCluster cluster;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a Slurm cluster needs root (munge and slurmd); CI runs this test as root");
        cluster = SlurmCluster.start(tmp.resolve("cluster"));
    }

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Path file(int repeats, int epochs) throws IOException {
        Path f = tmp.resolve("onslurm.yaml");
        Files.writeString(f, GRID.replace("EPOCHS", Integer.toString(epochs)).replace("repeats: 4", "repeats: " + repeats));
        return f;
    }

    private Process driver(Path file, Path out, String log) throws IOException {
        return cluster.deepgrid(tmp.resolve(log), "run", file.toString(), "--out", out.toString(), "--launcher", "slurm");
    }

    private String await(Process p, String log, int code) throws Exception {
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deepgrid did not end: " + Files.readString(tmp.resolve(log)));
        }
        String text = Files.readString(tmp.resolve(log));
        assertEquals(code, p.exitValue(), text);
        return text;
    }

    private void alive(Process d, String log) throws IOException {
        if (!d.isAlive()) {
            fail("the driver ended early (exit " + d.exitValue() + "): " + Files.readString(tmp.resolve(log)));
        }
    }

    private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int finished(Path exp) {
        try {
            return finishedFolders(exp).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The job ids the driver submitted, in order of submission. */
    private static List<String> jobs(Path exp) throws IOException {
        Path slurm = exp.resolve("slurm");
        if (!Files.isDirectory(slurm)) {
            return List.of();
        }
        try (Stream<Path> subs = Files.list(slurm)) {
            return subs.sorted().map(s -> s.resolve("job-id")).filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** How many runs the submission with job id {@code job} handed out. */
    private static int runsSubmitted(String log, String job) {
        Matcher m = Pattern.compile("submitted (\\d+) runs? of onslurm to Slurm as job " + job + " ").matcher(log);
        assertTrue(m.find(), log);
        return Integer.parseInt(m.group(1));
    }

    /** Every run once, whole, with metrics identical to a local run of the same file. */
    private void assertSameAsLocal(Path file, Path exp, int runs) throws Exception {
        List<String> ids = runIds(exp);
        assertEquals(runs, ids.size(), "runs.csv rows");
        assertEquals(runs, new HashSet<>(ids).size(), "a run listed twice");
        assertEquals(runs, finishedFolders(exp).size());
        assertClean(exp);
        Path local = tmp.resolve("local");
        SlurmCluster.run(tmp.resolve("local.log"), SlurmCluster.SAME_KERNEL, "run", file.toString(), "--out", local.toString(),
                "--jobs", "2");
        Path lexp = local.resolve("onslurm");
        assertEquals(runIds(lexp), ids, "the same runs in the same order");
        assertEquals(withoutTime(lexp.resolve("runs.csv")), withoutTime(exp.resolve("runs.csv")));
        for (String id : ids) {
            for (String csv : List.of("metrics.csv", "layers.csv", "result.csv")) {
                assertEquals(withoutTime(lexp.resolve("runs").resolve(id).resolve(csv)),
                        withoutTime(exp.resolve("runs").resolve(id).resolve(csv)), id + "/" + csv);
            }
            assertEquals(Files.readString(lexp.resolve("runs").resolve(id).resolve("config.yaml")),
                    Files.readString(exp.resolve("runs").resolve(id).resolve("config.yaml")), id + "/config.yaml");
        }
    }

    @Test
    void anArrayCancelledMidwayIsCompletedByARerunWithEveryRunOnceAndLocalMetrics() throws Exception {
        Path file = file(4, 60);
        Path out = tmp.resolve("results");
        Path exp = out.resolve("onslurm");
        Process d = driver(file, out, "first.log");
        waitFor("3 runs recorded", () -> finished(exp) >= 3 || !d.isAlive());
        alive(d, "first.log");
        String job = jobs(exp).get(0);
        cluster.slurm("scancel", job);
        String first = await(d, "first.log", 1);
        int done = finished(exp);
        assertTrue(done < 12, "every run ended before the cancel: nothing was cancelled\n" + first);
        assertTrue(first.contains("were not trained (their Slurm tasks ended without a result)"), first);
        assertTrue(first.contains("not trained") && first.contains("left the queue without recording it"), first);
        assertNothingHeldOrTorn(exp); // the cancelled tasks released their runs

        String second = await(driver(file, out, "second.log"), "second.log", 0);
        List<String> jobs = jobs(exp);
        assertEquals(2, jobs.size(), second);
        assertEquals(12 - done, runsSubmitted(second, jobs.get(1)), "the rerun submits only what is missing\n" + second);
        assertTrue(second.contains(done + " already done"), second);
        assertSameAsLocal(file, exp, 12);
    }

    @Test
    void aTaskStoppedBySigtermMidRunReleasesItsClaimAndTheRunIsRedoneLater() throws Exception {
        Path file = file(1, 800); // 3 runs long enough to be stopped mid-run
        Path out = tmp.resolve("results");
        Path exp = out.resolve("onslurm");
        Path claims = exp.resolve("runs").resolve(".claims");
        Process d = driver(file, out, "first.log");
        waitFor("a run claimed and part-way", () -> midRun(exp).isPresent() || !d.isAlive());
        alive(d, "first.log");
        String[] held = midRun(exp).orElseThrow(() -> new AssertionError("no run mid-way"));
        String run = held[0];
        long pid = Long.parseLong(held[1]);
        String token = held[2];
        ProcessHandle task = ProcessHandle.of(pid).orElseThrow();
        assertTrue(task.destroy(), "SIGTERM"); // as Slurm does on preemption, scancel and the time limit
        task.onExit().get(60, TimeUnit.SECONDS);
        Path inflight = exp.resolve("runs").resolve(".inflight").resolve(run + "." + token);
        assertFalse(Files.exists(inflight), "the stopped task's in-flight folder is gone");
        Optional<String> claim = read(claims.resolve(run));
        assertTrue(claim.isEmpty() || !claim.get().contains("token: " + token), "its claim was released: " + claim);
        String first = await(d, "first.log", 1);
        assertTrue(first.contains("not trained " + run), first);
        String log = taskLog(exp, run);
        assertTrue(log.contains("stopped by a signal"), log);
        assertFalse(Files.exists(exp.resolve("runs").resolve(run)), "no folder for the stopped run");

        String second = await(driver(file, out, "second.log"), "second.log", 0);
        assertEquals(1, runsSubmitted(second, jobs(exp).get(1)), second);
        assertTrue(second.contains("completed " + run), second);
        assertSameAsLocal(file, exp, 3);
    }

    @Test
    void ctrlCInTheDriverCancelsItsJobsAndSaysSo() throws Exception {
        Path file = file(4, 200);
        Path out = tmp.resolve("results");
        Path exp = out.resolve("onslurm");
        Process d = driver(file, out, "first.log");
        waitFor("a run recorded", () -> finished(exp) >= 1 || !d.isAlive());
        alive(d, "first.log");
        String job = jobs(exp).get(0);
        new ProcessBuilder("kill", "-INT", Long.toString(d.pid())).start().waitFor();
        String first = await(d, "first.log", 130);
        assertTrue(first.contains("cancelled Slurm job " + job + " (scancel)"), first);
        assertTrue(first.contains("stopped by a signal"), first);
        waitFor("the array to leave the queue", () -> {
            try {
                return cluster.slurm("squeue", "--noheader", "--array").isBlank();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String second = await(driver(file, out, "second.log"), "second.log", 0);
        assertTrue(second.contains("12 runs:"), second);
        List<String> ids = runIds(exp);
        assertEquals(12, new HashSet<>(ids).size());
        assertClean(exp);
    }

    /**
     * After tasks were stopped: no run claimed, no in-flight folder, every CSV whole. A task
     * stopped while it was still opening the folder may leave its runner registration (it is
     * not a run's claim; the next start clears it): allowed only for processes that are gone.
     */
    private static void assertNothingHeldOrTorn(Path exp) throws IOException {
        for (String bookkeeping : List.of("runs/.claims", "runs/.inflight")) {
            Path d = exp.resolve(bookkeeping);
            if (Files.isDirectory(d)) {
                try (Stream<Path> l = Files.list(d)) {
                    assertEquals(List.of(), l.toList(), "left in " + d);
                }
            }
        }
        Path runners = exp.resolve(".runners");
        if (Files.isDirectory(runners)) {
            try (Stream<Path> l = Files.list(runners)) {
                for (Path r : l.toList()) {
                    long pid = Long.parseLong(fields(Files.readString(r)).get("pid"));
                    assertFalse(ProcessHandle.of(pid).isPresent(), "a live runner is still registered: " + r);
                }
            }
        }
        ResultsCheck.assertWholeCsv(exp.resolve("runs.csv"));
        for (String run : finishedFolders(exp)) {
            for (String csv : List.of("metrics.csv", "layers.csv", "result.csv")) {
                ResultsCheck.assertWholeCsv(exp.resolve("runs").resolve(run).resolve(csv));
            }
        }
    }

    /** A run whose claim is held and whose in-flight folder has metrics: {run, pid, token}. */
    private static Optional<String[]> midRun(Path exp) {
        Path claims = exp.resolve("runs").resolve(".claims");
        try (Stream<Path> list = Files.list(claims)) {
            for (Path c : list.filter(p -> !p.getFileName().toString().contains(".tmp-")).toList()) {
                Optional<String> text = read(c);
                if (text.isEmpty()) {
                    continue;
                }
                Map<String, String> f = fields(text.get());
                String run = c.getFileName().toString();
                Path inflight = exp.resolve("runs").resolve(".inflight").resolve(run + "." + f.get("token"));
                if (Files.isRegularFile(inflight.resolve("metrics.csv")) && Files.readAllLines(inflight.resolve("metrics.csv")).size() > 5) {
                    return Optional.of(new String[] {run, f.get("pid"), f.get("token")});
                }
            }
        } catch (IOException e) {
            // not there yet
        }
        return Optional.empty();
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> f = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int i = line.indexOf(": ");
            if (i > 0) {
                f.put(line.substring(0, i), line.substring(i + 2));
            }
        }
        return f;
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The log of the (first) array task that was given {@code run}: logs/JOB_K.out for the task-K.yaml naming it. */
    private static String taskLog(Path exp, String run) throws IOException {
        try (Stream<Path> subs = Files.list(exp.resolve("slurm"))) {
            for (Path sub : subs.sorted().toList()) {
                String job = Files.readString(sub.resolve("job-id")).strip();
                for (int k = 0; Files.exists(sub.resolve("task-" + k + ".yaml")); k++) {
                    if (Files.readString(sub.resolve("task-" + k + ".yaml")).contains("run: " + run + "\n")) {
                        return Files.readString(sub.resolve("logs").resolve(job + "_" + k + ".out"));
                    }
                }
            }
        }
        return "";
    }
}
