package deepgrid.cli;

import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.cluster.SbatchScript;
import deepgrid.run.cluster.SlurmLauncher;
import deepgrid.run.cluster.SlurmSettings;
import deepgrid.run.queue.Queue;
import deepgrid.run.results.ResultsFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid slurm FILE|DIR...}: print the sbatch script(s) that {@code run --launcher slurm} would submit now. */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = {"Print the sbatch script that `deepgrid run FILE --launcher slurm` would submit now (one per file with",
            "unfinished runs), for review. Nothing is written or submitted; `run --launcher slurm` writes the task files",
            "the script names when it submits. For a script of your own, see `deepgrid run --shard I/N`."})
final class SlurmCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Experiment files or folders of them.")
    private List<Path> paths;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value before expansion (repeatable), as for run.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private SlurmOptions slurm;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Queue queue = new Queue(new DataLoader(), out);
        List<Planner.Plan> plans = queue.plan(Queue.files(paths), sets);
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path work = Path.of("").toAbsolutePath();
        for (Planner.Plan p : plans) {
            SlurmSettings s = slurm.settings(p, sets);
            Path dir = out.resolve(p.experiment()).toAbsolutePath().normalize();
            ResultsFolder view = ResultsFolder.view(dir);
            List<RunSpec> todo = new ArrayList<>();
            for (RunSpec r : p.runs()) {
                if (view.record(r.id()).filter(x -> x.status().isFinished()).isEmpty()) {
                    todo.add(r);
                }
            }
            if (todo.isEmpty()) {
                err.println("deepgrid: every run of " + p.file() + " is done (" + dir + "): nothing to submit");
                continue;
            }
            int tasks = Math.min(SlurmSettings.MAX_ARRAY, (todo.size() + s.runsPerTask() - 1) / s.runsPerTask());
            int runs = Math.min(todo.size(), tasks * s.runsPerTask());
            Path submission = dir.resolve(SlurmLauncher.SLURM).resolve("TIME-RANDOM");
            o.print(SbatchScript.text(p.experiment(), runs, tasks, s, submission, work, SbatchScript.thisDeepgrid(s.memoryMegabytes(), Main.class.getName())));
            if (!p.sweep().complete()) {
                o.println("# (a search: later runs are submitted as further arrays as results come in)");
            }
        }
        o.flush();
        err.flush();
        return Main.OK;
    }
}
