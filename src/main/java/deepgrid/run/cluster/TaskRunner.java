package deepgrid.run.cluster;

import deepgrid.DeepgridException;
import deepgrid.data.DataLoader;
import deepgrid.math.Threads;
import deepgrid.run.Planner;
import deepgrid.run.queue.LocalLauncher;
import deepgrid.run.queue.Progress;
import deepgrid.run.queue.Queue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one Slurm array task does ({@code deepgrid task SUBMISSION K}): trains the runs of its
 * task file into the experiment's results folder (two levels above the submission folder)
 * through the same queue and local launcher as {@code deepgrid run}: each run is claimed,
 * trained, recorded whole; a run another process holds is waited for (and taken over when its
 * claim goes stale); a finished one is skipped. SIGTERM (scancel, preemption, the time limit)
 * abandons the runs in flight, releasing their claims, as Ctrl-C does for {@code run}.
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /** Trains array task {@code index} of {@code submission} on {@code jobs} threads; progress lines to {@code err}. */
    public static Queue.Outcome run(Path submission, int index, int jobs, PrintWriter err) throws IOException {
        Path sub = submission.toAbsolutePath().normalize();
        if (!Files.isRegularFile(TaskFiles.file(sub, index))) {
            throw new DeepgridException("no task file " + TaskFiles.file(sub, index) + "; `deepgrid task` runs what"
                    + " `deepgrid run --launcher slurm` submitted");
        }
        DataLoader loader = new DataLoader();
        TaskFiles.Task task = TaskFiles.read(sub, index, loader::load);
        Path experimentDir = sub.getParent() == null ? null : sub.getParent().getParent();
        if (experimentDir == null || !experimentDir.getFileName().toString().equals(task.experiment())) {
            throw new DeepgridException(sub + " is not in the results folder of experiment " + task.experiment()
                    + " (expected RESULTS/" + task.experiment() + "/" + SlurmLauncher.SLURM + "/SUBMISSION)");
        }
        // threads per product: the task's CPUs (--jobs, from cpus_per_task) shared among the runs it trains at
        // once, never the node's cores (a task is given cpus_per_task of them); 1 by default, as a local grid
        // of at least as many runs as cores computes, so the numbers match. DEEPGRID_THREADS still wins.
        Threads.useByDefault(Math.max(1, jobs / Math.max(1, Math.min(jobs, task.runs().size()))));
        Planner.Plan plan = new Planner.Plan(TaskFiles.file(sub, index), task.experiment(), task.gridPaths(),
                new SubsetSweep(task.runs(), task.runs()));
        Queue queue = new Queue(loader, experimentDir.getParent());
        Progress progress = new Progress(err, task.runs().size(), jobs, Progress.Mode.LINES);
        return queue.run(List.of(plan), new LocalLauncher(loader, jobs, progress), Queue.Start.RESUME, progress, err);
    }
}
