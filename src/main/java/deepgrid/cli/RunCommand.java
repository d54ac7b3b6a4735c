package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.data.DataLoader;
import deepgrid.lint.Lint;
import deepgrid.lint.LintWarning;
import deepgrid.math.Kernel;
import deepgrid.math.Threads;
import deepgrid.report.Report;
import deepgrid.run.Planner;
import deepgrid.run.queue.LocalLauncher;
import deepgrid.run.queue.Progress;
import deepgrid.run.queue.Queue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid run FILE|DIR...}: validate every run of every file, then train the unfinished ones. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train every run of the given experiment files and folders (every *.yaml inside, in name order).",
            "Rerunning the same command resumes: finished runs are kept and skipped. Several runs of the same",
            "command (on one machine or several sharing the folder) share the work: each run is trained once."})
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Experiment files or folders of them.")
    private List<Path> paths;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Runs trained at once, one thread each (default: ${DEFAULT-VALUE}; the number of cores is the natural choice).")
    private int jobs;

    @Option(names = "--fresh", description = "Start over: earlier results move to results/NAME/previous/TIME/.")
    private boolean fresh;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = {"Override a value before expansion (repeatable), e.g. --set optimizer.lr=0.01,",
                "--set model.layers[0].dense=64, or a grid entry: --set grid.optimizer.lr=[0.1,0.01]."})
    private List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--launcher", paramLabel = "local|slurm", defaultValue = "local",
            description = "Where runs train: local (this machine, --jobs threads) or slurm (job arrays; settings below or in launcher:).")
    private String launcher;

    @Option(names = "--shard", paramLabel = "I/N", description = {"Train only shard I (0 to N-1) of a stable round-robin split of the runs,",
                "e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT in a script of your own."})
    private String shard;

    @picocli.CommandLine.Mixin
    private SlurmOptions slurm;

    @Option(names = "--strict", description = "Treat the lint's warnings as errors: train nothing if there is one (exit 2).")
    private boolean strict;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be ≥ 1, found " + jobs);
        }
        boolean onSlurm = Launchers.slurm(spec, launcher, shard, slurm);
        Queue queue = new Queue(new DataLoader(), out, Report::rebuild);
        List<Planner.Plan> plans = queue.plan(Queue.files(paths), sets);
        plans = shard == null ? plans : Launchers.shard(shard, plans, spec.commandLine().getErr());
        var err = spec.commandLine().getErr();
        plans.forEach(p -> p.sweep().warnings().forEach(l -> err.println(Printable.escape(l))));
        // issue 11 (lint): every plan's network-aware warnings on stderr before any run starts; --strict stops here
        var severity = strict ? LintWarning.Severity.ERROR : LintWarning.Severity.WARNING;
        if (Lint.report(plans, sets, queue.loader()::load, err, severity) > 0 && strict) {
            return Main.INVALID;
        }
        Progress.Mode mode = System.console() != null ? Progress.Mode.LIVE : Progress.Mode.LINES;
        int total = plans.stream().mapToInt(p -> p.sweep().expected()).sum();
        // threads per product: the cores shared among the files' runs — from the files alone, not --jobs,
        // so that resuming with another --jobs computes every run the same way (README: Kernel and threads)
        Threads.useByDefault(Threads.forRuns(total));
        Kernel.notes().forEach(note -> err.println("deepgrid: note: " + note));
        var targets = onSlurm ? slurm.targets(plans, sets) : null;
        Progress progress = new Progress(err, total, onSlurm ? Launchers.parallel(targets) : jobs, mode);
        Queue.Outcome o = queue.run(plans, onSlurm ? Launchers.slurm(targets, progress)
                : new LocalLauncher(queue.loader(), jobs, progress), fresh ? Queue.Start.FRESH : Queue.Start.RESUME, progress, err);
        String folders = plans.stream().map(p -> out.resolve(p.experiment()).toString()).collect(Collectors.joining(", "));
        err.printf("%d runs: %d completed, %d diverged, %d failed, %d already done%s%s; results in %s%n", o.total(),
                o.completed(), o.diverged(), o.failed(), o.skipped(), o.pruned() > 0 ? ", " + o.pruned() + " pruned" : "",
                o.elsewhere() > 0 ? ", " + o.elsewhere() + " trained by another process" : "", Printable.escape(folders));
        plans.forEach(p -> p.sweep().afterwards().forEach(l -> err.println(Printable.escape(l))));
        if (o.lost() > 0) {
            err.printf("%d runs were not trained (their Slurm tasks ended without a result); rerun the same command to"
                    + " submit them again%n", o.lost());
        }
        err.flush();
        return o.failed() > 0 || o.lost() > 0 ? Main.RUN_FAILED : Main.OK;
    }
}
