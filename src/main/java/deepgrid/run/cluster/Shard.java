package deepgrid.run.cluster;

import deepgrid.DeepgridException;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shard I/N}: shard I (0 ≤ I < N, counted as SLURM_ARRAY_TASK_ID and Kubernetes'
 * JOB_COMPLETION_INDEX count) of a stable assignment of runs to N shards. The runs of every
 * file named, in plan order, are dealt round-robin: run k goes to shard k mod N. The
 * assignment depends only on the files and {@code --set} (not on what is done, the machine
 * or the time), so N processes given shards 0..N−1 train every run exactly once between them.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** "I/N" as typed; a clear error otherwise. */
    public static Shard parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                int i = Integer.parseInt(t.substring(0, slash).strip());
                int n = Integer.parseInt(t.substring(slash + 1).strip());
                if (n >= 1 && i >= 0 && i < n) {
                    return new Shard(i, n);
                }
                if (n >= 1 && i >= n) {
                    throw new DeepgridException("--shard " + text + ": shards of " + n + " are numbered 0 to " + (n - 1)
                        + " (as SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX count), found " + i);
                }
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DeepgridException("--shard " + text + ": expected I/N with whole numbers 0 ≤ I < N, e.g. --shard 0/4"
                + " or --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
    }

    /** The plans cut down to this shard's runs (a plan with none is dropped); every plan must be a grid. */
    public List<Planner.Plan> select(List<Planner.Plan> plans) {
        List<Planner.Plan> out = new ArrayList<>();
        int k = 0;
        for (Planner.Plan p : plans) {
            if (!p.sweep().complete()) {
                throw new DeepgridException(p.file() + ": --shard splits the runs of a grid, known before any trains;"
                        + " this file's runs depend on results (a search): use --launcher slurm, or run the same command"
                        + " (without --shard) on several machines sharing the results folder");
            }
            List<RunSpec> mine = new ArrayList<>();
            for (RunSpec r : p.runs()) {
                if (k++ % count == index) {
                    mine.add(r);
                }
            }
            if (!mine.isEmpty()) {
                out.add(new Planner.Plan(p.file(), p.experiment(), p.gridPaths(), new SubsetSweep(p.runs(), mine)));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
