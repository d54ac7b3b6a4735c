package deepgrid.run.grid;

import deepgrid.run.results.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sweep may know of the runs it handed out, read by the queue from the runs' own
 * files (whichever process or machine trained them): how a run ended, and its epochs.
 */
public interface Outcomes {
    /** The result of run {@code id} once its folder is in place; empty while it trains or waits. */
    Optional<RunRecord> result(String id);

    /** The rows of a finished run's metrics.csv (epoch 0 first); empty when it has none. */
    List<Map<String, String>> epochs(String id);
}
