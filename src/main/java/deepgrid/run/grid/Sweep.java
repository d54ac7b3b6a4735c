package deepgrid.run.grid;

import deepgrid.run.RunSpec;
import deepgrid.run.results.ResultsFolder;
import java.io.IOException;
import java.util.List;

/**
 * The source of one experiment file's runs. A grid knows all its runs before any result
 * ({@link GridSweep}); a search proposes its next runs from finished ones ({@link SearchSweep}).
 * The queue asks {@link #next} whenever it has room, tells it nothing else: a sweep reads what
 * it needs of finished runs through {@link Outcomes}. Order of use: {@link #known} (for plan),
 * {@link #open} once the results folder is open, then {@link #next} until {@link #done}. Each
 * run is handed out once, in the sweep's order.
 */
public interface Sweep {
    /** The runs known before any result, in order: all of a grid's; a search's enqueued and startup trials. */
    List<RunSpec> known();

    /** How many runs it will hand out in all, as far as is known now (progress counts against it). */
    default int expected() {
        return known().size();
    }

    /** True when {@link #known} is every run this sweep will hand out. */
    boolean complete();

    /**
     * At most {@code room} runs that may start now. Empty when the next run depends on results
     * not in yet (ask again when one is), or when every run has been handed out.
     */
    List<RunSpec> next(Outcomes outcomes, int room);

    /** True when every run has been handed out; the queue then waits for the runs in flight. */
    boolean done();

    /** Called once the results folder is open (and after --fresh), before any run: a search writes its space.yaml there. */
    default void open(ResultsFolder folder) throws IOException {
    }

    /** Warnings about the file that do not stop it (file:line:col: warning: …), for validate, plan and run. */
    default List<String> warnings() {
        return List.of();
    }

    /** Lines {@code deepgrid plan} prints after the runs (a search: its budget, rungs, what waits for results). */
    default List<String> describe() {
        return List.of();
    }

    /** Warnings once every run has ended (a search: best values at the edge of their range). */
    default List<String> afterwards() {
        return List.of();
    }
}
