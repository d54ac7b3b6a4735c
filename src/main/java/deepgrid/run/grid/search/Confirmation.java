package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Design §6: after the budget, the best trials are re-run on fresh seeds and compared with
 * paired statistics, because "best of 60 noisy trials" is biased upwards (the winner's
 * curse). Every confirmed trial runs on the same seeds, so differences are paired by seed.
 */
public final class Confirmation {
    /**
     * Differences below this fraction of the values count as equal (values come back from decimal
     * text, so a zero variance can arrive as 1e−17 and would give a meaningless p of 0).
     */
    private static final double ROUNDING = 1e-12;

    /**
     * One row of confirm.csv. {@code rank} 1 is the best confirmed mean; differences are this
     * trial minus the best (or the baseline), paired by seed; p is the two-sided paired t-test
     * (NaN with fewer than two pairs, or for the trial itself); the winner's curse is the search
     * objective minus the confirmed mean.
     */
    public record Row(int trial, int rank, int n, double mean, double std, double ci95Low, double ci95High,
            double differenceVsBest, double pVsBest, double differenceVsBaseline, double pVsBaseline,
            double searchObjective, double winnersCurse) {
    }

    private Confirmation() {
    }

    /**
     * The trials to confirm, in order: the {@code confirm.top} best completed trials by objective
     * (ties to the earlier trial; duplicates skipped), then the first enqueued trial (the
     * baseline) if it completed and is not among them, so it is paired with the rest.
     *
     * @param duplicates trials that resolved to an earlier trial's configuration
     */
    public static List<Integer> candidates(SearchSpec spec, Map<Integer, TrialResult> results, List<Integer> duplicates) {
        if (!spec.confirm().enabled()) {
            return List.of();
        }
        Objective o = spec.objective();
        List<Integer> completed = new ArrayList<>(results.keySet().stream()
                .filter(t -> results.get(t).state() == TrialState.COMPLETED && !duplicates.contains(t))
                .filter(t -> !Double.isNaN(results.get(t).objective(o))).toList());
        completed.sort(Comparator.comparing((Integer t) -> results.get(t).objective(o), o.goal().bestFirst())
                .thenComparing(Comparator.naturalOrder()));
        List<Integer> out = new ArrayList<>(completed.subList(0, Math.min(spec.confirm().top(), completed.size())));
        if (!spec.enqueue().isEmpty() && completed.contains(0) && !out.contains(0)) {
            out.add(0);
        }
        return out;
    }

    /** The confirmation seeds: after the search's own (fileSeed … fileSeed + repeats − 1), so disjoint from them. */
    public static List<Long> seeds(SearchSpec spec, long fileSeed) {
        List<Long> out = new ArrayList<>();
        for (int j = 0; j < spec.confirm().repeats(); j++) {
            out.add(fileSeed + spec.sampling().repeats() + j);
        }
        return out;
    }

    /**
     * confirm.csv's rows, best confirmed mean first.
     *
     * @param values          trial → (seed → the objective of its confirmation run on that seed)
     * @param searchObjective trial → its objective during the search
     * @param baseline        the baseline trial (the first enqueued one), or −1 for none
     */
    public static List<Row> rows(Goal goal, Map<Integer, Map<Long, Double>> values, Map<Integer, Double> searchObjective,
            int baseline) {
        List<Integer> order = new ArrayList<>(values.keySet());
        order.sort(Comparator.comparing((Integer t) -> mean(values.get(t).values()), goal.bestFirst())
                .thenComparing(Comparator.naturalOrder()));
        List<Row> rows = new ArrayList<>();
        int best = order.isEmpty() ? -1 : order.get(0);
        for (int rank = 0; rank < order.size(); rank++) {
            int t = order.get(rank);
            List<Double> v = new ArrayList<>(new TreeMap<>(values.get(t)).values());
            double mean = mean(v);
            double std = std(v);
            double half = v.size() < 2 ? Double.NaN
                    : new TDistribution(null, v.size() - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(v.size());
            double[] vsBest = paired(values.get(t), values.get(best));
            double[] vsBase = baseline < 0 || !values.containsKey(baseline) ? new double[] {Double.NaN, Double.NaN}
                    : paired(values.get(t), values.get(baseline));
            double search = searchObjective.getOrDefault(t, Double.NaN);
            rows.add(new Row(t, rank + 1, v.size(), mean, std, mean - half, mean + half, vsBest[0],
                    t == best ? Double.NaN : vsBest[1], vsBase[0], t == baseline ? Double.NaN : vsBase[1], search,
                    search - mean));
        }
        return rows;
    }

    /**
     * In words: which configuration is best and whether the data can tell the top two apart
     * (paired t-test at the 5% level).
     */
    public static String verdict(List<Row> rows, Goal goal) {
        if (rows.isEmpty()) {
            return "No trial was confirmed.";
        }
        Row best = rows.get(0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Trial %d is best: mean %.4g over %d seeds (95%% CI %.4g to %.4g).", best.trial(), best.mean(), best.n(),
                best.ci95Low(), best.ci95High()));
        if (rows.size() > 1) {
            Row second = rows.get(1);
            if (Double.isNaN(second.pVsBest())) {
                s.append(String.format(Locale.ROOT, " Trial %d cannot be tested against it (too few paired seeds).",
                        second.trial()));
            } else if (second.pVsBest() < 0.05) {
                s.append(String.format(Locale.ROOT, " It is %s than the runner-up, trial %d (difference %.3g,"
                        + " paired t-test p = %.2g).", goal == Goal.MAXIMIZE ? "higher" : "lower", second.trial(),
                        Math.abs(second.differenceVsBest()), second.pVsBest()));
            } else {
                s.append(String.format(Locale.ROOT, " The data cannot tell it from the runner-up, trial %d (difference"
                        + " %.3g, paired t-test p = %.2g ≥ 0.05): run more seeds, or treat them as equal.",
                        second.trial(), Math.abs(second.differenceVsBest()), second.pVsBest()));
            }
        }
        if (best.winnersCurse() != 0 && !Double.isNaN(best.winnersCurse())) {
            s.append(String.format(Locale.ROOT, " Its search objective was %.4g: the winner's curse is %.3g.",
                    best.searchObjective(), best.winnersCurse()));
        }
        return s.toString();
    }

    /** [mean of (a − b), two-sided paired t-test p] over the seeds both have. */
    private static double[] paired(Map<Long, Double> a, Map<Long, Double> b) {
        List<Long> seeds = new ArrayList<>(new TreeMap<>(a).keySet());
        seeds.retainAll(b.keySet());
        double[] x = seeds.stream().mapToDouble(a::get).toArray();
        double[] y = seeds.stream().mapToDouble(b::get).toArray();
        double[] d = new double[x.length];
        double scale = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        List<Double> diffs = java.util.Arrays.stream(d).boxed().toList();
        double p = d.length < 2 || !(std(diffs) > ROUNDING * scale) ? Double.NaN : new TTest().pairedTTest(x, y);
        return new double[] {mean(diffs), p};
    }

    private static double mean(java.util.Collection<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    private static double std(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }
}
