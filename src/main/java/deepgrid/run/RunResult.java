package deepgrid.run;

import deepgrid.train.EpochMetrics;

/**
 * The record of one finished run: its status, epochs trained, the last and the best
 * epoch's metrics (null for a run that failed before epoch 0), wall-clock seconds,
 * and the reason for a diverged or failed run.
 */
public record RunResult(RunSpec run, Status status, int epochs, EpochMetrics last, EpochMetrics best,
        double seconds, String reason) {
}
