package deepgrid.run.queue;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.runIds;
import static deepgrid.run.ResultsCheck.withoutTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.cli.Main;
import deepgrid.run.JavaProcess;
import deepgrid.run.ResultsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code deepgrid run} processes on one results folder share the work through per-run
 * claims: every run is trained once, by one of them, and the results do not depend on how
 * many shared it. A signal stops a runner with one line, its claims released.
 */
class SharedFolderTest {
    static final String GRID = """
            name: shared
            seed: 5
            repeats: 4
            data: {source: spiral, samples: 60}
            model:
              layers:
                - dense: 30
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 60, batch_size: 16}
            grid:
              model.layers[*].activation: [tanh, relu, sigmoid]
            """;
    /** "[3/12] shared: completed ID test_accuracy=0.6111 (0.123 s)" or "(0.123 s, by another process)". */
    private static final Pattern LINE = Pattern.compile("\\] shared: (completed|diverged|failed) (\\S+) .*\\(([^)]*)\\)");

    @TempDir
    Path tmp;

    private Process deepgrid(Path file, Path out, String log, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return JavaProcess.start(tmp.resolve(log), List.of("-Xmx256m"), "deepgrid.cli.Main", args.toArray(String[]::new));
    }

    private String await(Process p, String log) throws Exception {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deepgrid did not finish: " + Files.readString(tmp.resolve(log)));
        }
        return Files.readString(tmp.resolve(log));
    }

    /** The runs a log says its process trained itself. */
    private static Set<String> trainedBy(String log) {
        Set<String> ids = new HashSet<>();
        Matcher m = LINE.matcher(log);
        while (m.find()) {
            if (!m.group(3).contains("by another process")) {
                assertTrue(ids.add(m.group(2)), "trained twice by one process: " + m.group(2));
            }
        }
        return ids;
    }

    @Test
    void twoRunnersOnOneFolderTrainEveryRunOnceAndAgreeWithOneRunner() throws Exception {
        Path file = Files.writeString(tmp.resolve("shared.yaml"), GRID);
        ResultsCheck.Cli alone = ResultsCheck.Cli.run("run", file.toString(), "--out", tmp.resolve("alone").toString());
        assertEquals(Main.OK, alone.code(), alone.err());
        Path reference = tmp.resolve("alone").resolve("shared");

        Path out = tmp.resolve("together");
        Process a = deepgrid(file, out, "a.log", "--jobs", "2");
        Process b = deepgrid(file, out, "b.log");
        String logA = await(a, "a.log");
        String logB = await(b, "b.log");
        assertEquals(0, a.exitValue(), logA);
        assertEquals(0, b.exitValue(), logB);

        Set<String> byA = trainedBy(logA);
        Set<String> byB = trainedBy(logB);
        Set<String> both = new HashSet<>(byA);
        both.retainAll(byB);
        assertEquals(Set.of(), both, "no run trained by both");
        Set<String> all = new HashSet<>(byA);
        all.addAll(byB);
        assertEquals(new HashSet<>(runIds(reference)), all, "every run trained by one of them:\n" + logA + "\n" + logB);
        System.err.printf("SharedFolderTest: runner A trained %d runs, runner B %d%n", byA.size(), byB.size());

        Path exp = out.resolve("shared");
        assertClean(exp);
        assertEquals(runIds(reference), runIds(exp), "runs.csv in plan order");
        for (String id : runIds(reference)) {
            for (String csv : List.of("metrics.csv", "result.csv", "layers.csv")) {
                assertEquals(withoutTime(reference.resolve("runs").resolve(id).resolve(csv)),
                        withoutTime(exp.resolve("runs").resolve(id).resolve(csv)), id + "/" + csv);
            }
        }
    }

    @Test
    void aSignalStopsWithOneLineReleasesItsClaimsAndARerunFinishes() throws Exception {
        Path file = Files.writeString(tmp.resolve("shared.yaml"), GRID.replace("epochs: 60", "epochs: 300"));
        Path out = tmp.resolve("results");
        Process p = deepgrid(file, out, "run.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && !LINE.matcher(Files.readString(tmp.resolve("run.log"))).find()) {
            assertTrue(System.nanoTime() < deadline, "no run finished in time");
            Thread.sleep(10);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(tmp.resolve("run.log"));
        assertEquals(143, p.exitValue(), log);
        Matcher m = Pattern.compile("deepgrid: stopped by a signal: (\\d+) runs done, (\\d+) in flight lost;"
                + " rerun the same command to resume\\n$").matcher(log);
        assertTrue(m.find(), log);
        Path exp = out.resolve("shared");
        try (var claims = Files.list(exp.resolve("runs"))) {
            assertTrue(claims.noneMatch(f -> f.getFileName().toString().equals(".claims")
                    && f.toFile().list().length > 0), "claims released");
        }
        ResultsCheck.Cli rerun = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.OK, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains("12 runs: " + (12 - Integer.parseInt(m.group(1))) + " completed, 0 diverged, 0 failed, "
                + m.group(1) + " already done"), rerun.err());
        assertClean(exp);
    }
}
