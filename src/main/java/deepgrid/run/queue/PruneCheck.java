package deepgrid.run.queue;

import deepgrid.run.SearchTrial;
import deepgrid.run.grid.search.Curves;
import deepgrid.run.grid.search.StopRule;
import deepgrid.run.results.Columns;
import deepgrid.train.EpochMetrics;
import deepgrid.train.StopCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A search trial's pruning as the trainer's {@link StopCheck}: each epoch's objective metric is
 * taken from the metrics.csv row the run records (the same text, read back the same way), so
 * the decisions made while training are exactly those rungs.csv later replays from the file.
 */
final class PruneCheck implements StopCheck {
    private final String metric;
    private final StopRule rule;
    private final List<Double> curve = new ArrayList<>();

    private PruneCheck(String metric, StopRule rule) {
        this.metric = metric;
        this.rule = rule;
    }

    /** The check for {@code trial}'s run; {@link StopCheck#NEVER} for a grid's run or a trial that is never pruned. */
    static StopCheck of(SearchTrial trial) {
        if (trial == null || !trial.pruning().prunes()) {
            return StopCheck.NEVER;
        }
        return new PruneCheck(trial.pruning().metric(), StopRule.decode(trial.pruning().rule()));
    }

    @Override
    public boolean stop(EpochMetrics m) {
        while (curve.size() < m.epoch()) {
            curve.add(Double.NaN); // epoch 0 is never judged (the trainer does not ask), so it is not needed
        }
        curve.add(Curves.value(Columns.metricsRow(m).get(Columns.METRICS.indexOf(metric))));
        if (m.epoch() < 1) {
            return false;
        }
        double[] c = curve.stream().mapToDouble(Double::doubleValue).toArray();
        StopRule.Decision d = rule.judge(m.epoch(), c);
        return d != null && d.verdict() == StopRule.Verdict.PRUNE;
    }
}
