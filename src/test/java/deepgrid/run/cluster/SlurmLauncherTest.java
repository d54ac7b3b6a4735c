package deepgrid.run.cluster;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.finishedFolders;
import static deepgrid.run.ResultsCheck.withoutTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.ResultsCheck;
import deepgrid.run.queue.Progress;
import deepgrid.run.queue.Queue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm launcher's driver against {@link FakeSlurm} (its scripts really run, with bash,
 * each task a JVM of its own): runs are known from their folders, a cancelled array's runs
 * are reported not trained and a rerun submits only those, closing the launcher cancels its
 * jobs. The same against a real Slurm: SlurmClusterTest.
 */
class SlurmLauncherTest {
    static final String GRID = """
            name: fake
            seed: 2
            repeats: 2
            data: {source: spiral, samples: 45}
            model:
              layers:
                - dense: 8
                  activation: relu
                - dense: 3
            loss: cross_entropy
            optimizer: {type: sgd, lr: 0.3}
            training: {epochs: 15, batch_size: 16}
            grid:
              model.layers[*].activation: [tanh, relu]
            launcher: {parallel: 2}
            """;

    @TempDir
    Path tmp;
    final StringWriter log = new StringWriter();

    private Queue.Outcome drive(FakeSlurm slurm, Path file, Path out) throws Exception {
        // the report as `run` rebuilds it: a search's files are derived from its runs there
        Queue queue = new Queue(new DataLoader(), out, deepgrid.report.Report::rebuild);
        List<Planner.Plan> plans = queue.plan(List.of(file), List.of());
        PrintWriter err = new PrintWriter(log, true);
        Progress progress = new Progress(err, 4, 2, Progress.Mode.LINES);
        Map<String, SlurmLauncher.Target> targets = Map.of("fake",
                new SlurmLauncher.Target(SlurmSettings.DEFAULTS.with(Map.of("parallel", "2"), List.of()), plans.get(0).gridPaths()));
        try {
            return queue.run(plans, new SlurmLauncher(slurm, targets, tmp, progress, "deepgrid.cli.Main"), Queue.Start.RESUME, progress, err);
        } finally {
            slurm.drain();
        }
    }

    @Test
    void runsTrainedByArrayTasksAreTheRunsALocalQueueTrains() throws Exception {
        Path file = Files.writeString(tmp.resolve("fake.yaml"), GRID);
        Path out = tmp.resolve("results");
        FakeSlurm slurm = new FakeSlurm();
        Queue.Outcome o = drive(slurm, file, out);
        assertEquals(4, o.completed(), log.toString());
        assertEquals(1, slurm.scripts.size());
        assertTrue(log.toString().contains("submitted 4 runs of fake to Slurm as job 100 (array 0-3%2, 1 run per task)"), log.toString());
        Path exp = out.resolve("fake");
        assertClean(exp);
        SlurmCluster.run(tmp.resolve("local.log"), SlurmCluster.SAME_KERNEL, "run", file.toString(), "--out",
                tmp.resolve("local").toString());
        for (String id : finishedFolders(exp)) {
            assertEquals(withoutTime(tmp.resolve("local/fake/runs").resolve(id).resolve("metrics.csv")),
                    withoutTime(exp.resolve("runs").resolve(id).resolve("metrics.csv")), id);
        }
        assertEquals(withoutTime(tmp.resolve("local/fake/runs.csv")), withoutTime(exp.resolve("runs.csv")));
        assertEquals(List.of(), slurm.cancels, "nothing to cancel at a normal end");
    }

    @Test
    void aCancelledArraysRunsAreNotTrainedAndARerunSubmitsOnlyThose() throws Exception {
        Path file = Files.writeString(tmp.resolve("fake.yaml"), GRID.replace("repeats: 2", "repeats: 1"));
        Path out = tmp.resolve("results");
        // first: one run trained alone, so the rerun has one done
        ResultsCheck.Cli one = ResultsCheck.Cli.run("run", file.toString(), "--out", out.toString(), "--shard", "0/2");
        assertEquals(0, one.code(), one.err());
        FakeSlurm slurm = new FakeSlurm();
        slurm.hold();
        Thread canceller = new Thread(() -> {
            try {
                while (slurm.scripts.isEmpty()) {
                    Thread.sleep(20);
                }
                slurm.cancel(List.of("100")); // scancel from outside, before any task started
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        Queue.Outcome o = drive(slurm, file, out);
        canceller.join();
        assertEquals(1, o.lost(), log.toString());
        assertEquals(1, o.skipped());
        assertTrue(log.toString().contains("not trained relu_s2-"), log.toString());
        assertTrue(log.toString().contains("its Slurm task 100_0 left the queue without recording it"), log.toString());

        FakeSlurm again = new FakeSlurm();
        Queue.Outcome o2 = drive(again, file, out);
        assertEquals(1, o2.completed());
        assertEquals(1, o2.skipped());
        assertTrue(Files.readString(again.scripts.get(0)).contains("#SBATCH --array=0-0%1"));
        assertEquals(2, finishedFolders(out.resolve("fake")).size());
        assertClean(out.resolve("fake"));
    }

    /** A search on Slurm: the window's trials are submitted as they open, and it ends as the same search run locally. */
    @Test
    void aSearchOnSlurmProposesAndPrunesAsItDoesLocally() throws Exception {
        Path file = Files.writeString(tmp.resolve("fake.yaml"), """
                name: fake
                seed: 3
                data: {source: spiral, samples: 45, validation: 0.2}
                model: {layers: [{dense: 8, activation: relu}, {dense: 3}]}
                loss: cross_entropy
                optimizer: {type: sgd, lr: 0.3}
                training: {epochs: 9, batch_size: 16}
                search:
                  objective: val_loss
                  trials: 6
                  startup: 3
                  window: 2
                  space:
                    optimizer.lr: {float: [1.0e-3, 3.0], log: true}
                  pruner: {type: asha, min_epochs: 1, reduction: 3}
                  confirm: none
                launcher: {parallel: 2}
                """);
        Path out = tmp.resolve("results");
        FakeSlurm slurm = new FakeSlurm();
        Queue.Outcome o = drive(slurm, file, out);
        assertEquals(6, o.completed() + o.pruned(), log.toString());
        assertTrue(slurm.scripts.size() > 1, "trials submitted as the window opened: " + slurm.scripts.size() + " submissions");
        SlurmCluster.run(tmp.resolve("local.log"), SlurmCluster.SAME_KERNEL, "run", file.toString(), "--out",
                tmp.resolve("local").toString());
        Path search;
        try (var dirs = Files.list(out.resolve("fake/search"))) {
            search = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path local = tmp.resolve("local/fake/search").resolve(search.getFileName());
        for (String f : List.of("trials.csv", "rungs.csv")) {
            assertEquals(withoutTime(local.resolve(f)), withoutTime(search.resolve(f)), f);
        }
        assertClean(out.resolve("fake"));
    }

    @Test
    void closingTheLauncherCancelsItsJobsAndSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("fake.yaml"), GRID);
        FakeSlurm slurm = new FakeSlurm();
        slurm.hold();
        Queue queue = new Queue(new DataLoader(), tmp.resolve("results"));
        List<Planner.Plan> plans = queue.plan(List.of(file), List.of());
        Progress progress = new Progress(new PrintWriter(log, true), 4, 2, Progress.Mode.LINES);
        SlurmLauncher l = new SlurmLauncher(slurm, Map.of("fake", new SlurmLauncher.Target(SlurmSettings.DEFAULTS,
                plans.get(0).gridPaths())), tmp, progress, "deepgrid.cli.Main");
        try (deepgrid.run.results.ResultsFolder folder = deepgrid.run.results.ResultsFolder.open(
                tmp.resolve("results/fake"), plans.get(0).gridPaths(), List.of())) {
            plans.get(0).runs().forEach(r -> l.launch(r, folder));
            assertEquals(List.of(), l.await(10));
            assertEquals(4, l.tracked().size());
            l.close();
            l.close();
        }
        assertEquals(List.of(List.of("100")), slurm.cancels);
        assertTrue(log.toString().contains("cancelled Slurm job 100 (scancel) with 4 runs not finished"), log.toString());
        slurm.drain();
    }
}
