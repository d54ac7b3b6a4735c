package deepgrid.cli;

import deepgrid.run.cluster.TaskRunner;
import deepgrid.run.queue.Queue;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid task SUBMISSION K}: what a Slurm array task runs (written into the sbatch script; not typed by people). */
@Command(name = "task", hidden = true, mixinStandardHelpOptions = true,
        description = {"Train the runs of array task K of a submission folder (results/NAME/slurm/TIME/), as written by",
            "`deepgrid run --launcher slurm`. The sbatch script runs it; people need not."})
final class TaskCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUBMISSION", description = "The submission folder.")
    private Path submission;

    @Parameters(index = "1", paramLabel = "K", description = "The array task index ($SLURM_ARRAY_TASK_ID).")
    private int index;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Runs trained at once (the task's CPUs).")
    private int jobs;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Queue.Outcome o = TaskRunner.run(submission, index, Math.max(1, jobs), err);
        double wall = (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        err.printf(java.util.Locale.ROOT, "task %d: %d runs: %d completed, %d diverged, %d failed, %d already done%s (%.3f s since the JVM started)%n",
                index, o.total(), o.completed(), o.diverged(), o.failed(), o.skipped(),
                o.elsewhere() > 0 ? ", " + o.elsewhere() + " trained by another process" : "", wall);
        err.flush();
        return o.failed() > 0 ? Main.RUN_FAILED : Main.OK;
    }
}
