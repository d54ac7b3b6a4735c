package deepgrid.run.grid;

import deepgrid.run.RunSpec;
import java.util.List;

/** A grid's runs (variants × grid points × repeats, expanded by {@link Expander}): all known at once, handed out in order. */
public final class GridSweep implements Sweep {
    private final List<RunSpec> runs;
    private int next;

    public GridSweep(List<RunSpec> runs) {
        this.runs = List.copyOf(runs);
    }

    @Override
    public List<RunSpec> known() {
        return runs;
    }

    @Override
    public boolean complete() {
        return true;
    }

    @Override
    public List<RunSpec> next(Outcomes outcomes, int room) {
        int to = Math.min(runs.size(), next + Math.max(0, room));
        List<RunSpec> out = runs.subList(next, to).stream().map(RunSpec::kept).toList(); // bound once, when it starts
        next = to;
        return out;
    }

    @Override
    public boolean done() {
        return next == runs.size();
    }
}
