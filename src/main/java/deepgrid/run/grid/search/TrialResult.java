package deepgrid.run.grid.search;

import java.util.List;

/**
 * What a trial's runs left behind, as read back from their metrics.csv: one {@link RunCurve}
 * per repeat (seed), in repeat order. Everything the samplers, pruners and tables need is
 * derived from these curves, so no search state exists outside the run folders.
 */
public record TrialResult(List<RunCurve> runs) {
    /** One run: how it ended and its objective metric per epoch (index = epoch, from 0, the untrained network). */
    public record RunCurve(TrialState state, double[] curve) {
        /** Epochs trained. */
        public int epochs() {
            return curve.length - 1;
        }
    }

    public TrialResult {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a trial result needs at least one run");
        }
    }

    /** A trial of one run. */
    public static TrialResult of(TrialState state, double... curve) {
        return new TrialResult(List.of(new RunCurve(state, curve)));
    }

    /** Failed if any run failed, else pruned if any was pruned, else diverged if any diverged, else completed. */
    public TrialState state() {
        for (TrialState s : List.of(TrialState.FAILED, TrialState.PRUNED, TrialState.DIVERGED)) {
            if (runs.stream().anyMatch(r -> r.state() == s)) {
                return s;
            }
        }
        return TrialState.COMPLETED;
    }

    /** The mean over runs, epoch by epoch, up to the last epoch every run reached. */
    public double[] meanCurve() {
        int length = runs.stream().mapToInt(r -> r.curve().length).min().orElse(0);
        double[] mean = new double[length];
        for (RunCurve r : runs) {
            for (int t = 0; t < length; t++) {
                mean[t] += r.curve()[t] / runs.size();
            }
        }
        return mean;
    }

    /** The epochs reached by every run (the length of the mean curve, less epoch 0). */
    public int epochsReached() {
        return meanCurve().length - 1;
    }

    /** Epochs trained by all runs together: what the trial cost. */
    public int epochsTrained() {
        return runs.stream().mapToInt(RunCurve::epochs).sum();
    }

    /** The trial's objective: the mean of its runs' objectives (design: "objective = their mean"). */
    public double objective(Objective o) {
        double sum = 0;
        for (RunCurve r : runs) {
            sum += o.of(r.curve()).value();
        }
        return sum / runs.size();
    }

    /** The sample standard deviation of the runs' objectives; NaN for one run. */
    public double objectiveStd(Objective o) {
        int n = runs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = objective(o);
        double squares = 0;
        for (RunCurve r : runs) {
            double d = o.of(r.curve()).value() - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** The epoch of the mean curve that gives the objective (−1 when none does). */
    public int bestEpoch(Objective o) {
        return o.of(meanCurve()).epoch();
    }

    /** The mean curve's value at the last epoch every run reached (ranks pruned trials). */
    public double lastValue() {
        double[] m = meanCurve();
        return m.length == 0 ? Double.NaN : m[m.length - 1];
    }
}
