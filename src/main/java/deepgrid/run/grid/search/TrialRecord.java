package deepgrid.run.grid.search;

import java.util.List;

/**
 * One trial as the result tables see it, assembled by the sweep from its run folders.
 *
 * @param result      null while the trial has not ended
 * @param runs        its run folders (one per repeat)
 * @param seconds     wall-clock seconds of its runs together
 * @param epochs      the epochs its runs were configured for (training.epochs), which place its rungs
 * @param duplicateOf the earlier trial whose configuration (and run) it shares, or −1
 */
public record TrialRecord(Search.Proposal proposal, TrialResult result, List<String> runs, double seconds, int epochs,
        int duplicateOf) {
    public TrialRecord {
        runs = List.copyOf(runs);
    }

    public int trial() {
        return proposal.trial();
    }

    /** As written in trials.csv: completed, pruned, failed, diverged, duplicate, or running. */
    public String stateText() {
        if (duplicateOf >= 0) {
            return "duplicate";
        }
        return result == null ? "running" : result.state().csvName();
    }
}
