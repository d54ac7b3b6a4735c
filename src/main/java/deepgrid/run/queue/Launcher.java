package deepgrid.run.queue;

import deepgrid.run.RunSpec;
import deepgrid.run.results.ResultsFolder;
import java.util.List;

/**
 * Trains runs: the one role behind {@code --launcher}. The local launcher trains on this
 * machine's threads; a cluster launcher submits jobs. Whoever trains a run claims it in its
 * results folder first and records it there; the queue learns how a run ended from the
 * run's files, never from the launcher's memory, so a launcher may train runs in other
 * processes. Order of use: {@link #room}, {@link #launch}, {@link #await}, repeated; close.
 */
public interface Launcher extends AutoCloseable {
    /** How many more runs it takes now. */
    int room();

    /** Starts training {@code run} into {@code folder}; returns at once. */
    void launch(RunSpec run, ResultsFolder folder);

    /**
     * Waits until a launched run has news or room frees up, at most {@code millis}; returns
     * the news since the last call (possibly none).
     */
    List<Event> await(long millis) throws InterruptedException;

    /** Stops: runs not yet recorded are abandoned (their claims released) so a rerun trains them. */
    @Override
    void close();

    /** News of a launched run. */
    record Event(RunSpec run, ResultsFolder folder, Kind kind, Throwable failure) {
        static Event of(RunSpec run, ResultsFolder folder, Kind kind) {
            return new Event(run, folder, kind, null);
        }
    }

    enum Kind {
        /** Its folder is in place: read its result. */
        RECORDED,
        /** Another process had recorded it already: read its result. */
        RECORDED_ELSEWHERE,
        /** Another process holds its claim: wait for that process (or its claim going stale). */
        HELD_ELSEWHERE,
        /** It was trained but could not be recorded (see failure): the results folder cannot be written. */
        NOT_RECORDED,
        /**
         * Whoever was to train it ended without recording it and holds no claim (a Slurm task
         * cancelled, or that died; failure says how): not trained this time, a rerun trains it.
         */
        LOST
    }
}
