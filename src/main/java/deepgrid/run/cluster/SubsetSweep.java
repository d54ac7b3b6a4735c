package deepgrid.run.cluster;

import deepgrid.run.RunSpec;
import deepgrid.run.grid.Outcomes;
import deepgrid.run.grid.Sweep;
import java.util.List;

/**
 * Some of an experiment's runs: one shard of its grid ({@code --shard}), or what one Slurm
 * array task trains. {@link #known} is every run known (the order of runs.csv, which every
 * process sharing the folder keeps the same); only the subset is handed out. It is never
 * {@link #complete}: the queue would otherwise move the other processes' runs aside as runs of
 * an earlier version of the file.
 */
public final class SubsetSweep implements Sweep {
    private final List<RunSpec> known;
    private final List<RunSpec> subset;
    private int next;

    public SubsetSweep(List<RunSpec> known, List<RunSpec> subset) {
        this.known = List.copyOf(known);
        this.subset = List.copyOf(subset);
    }

    @Override
    public List<RunSpec> known() {
        return known;
    }

    @Override
    public int expected() {
        return subset.size();
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public List<RunSpec> next(Outcomes outcomes, int room) {
        int to = Math.min(subset.size(), next + Math.max(0, room));
        List<RunSpec> out = subset.subList(next, to);
        next = to;
        return out;
    }

    @Override
    public boolean done() {
        return next == subset.size();
    }
}
