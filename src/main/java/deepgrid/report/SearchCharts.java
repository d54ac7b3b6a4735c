package deepgrid.report;

import deepgrid.report.html.Axis;
import deepgrid.report.html.Fmt;
import deepgrid.report.html.Palette;
import deepgrid.report.html.Plot;
import deepgrid.report.html.Scale;
import deepgrid.run.grid.search.Confirmation;
import deepgrid.run.grid.search.Objective;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.Table;
import deepgrid.run.grid.search.TrialRecord;
import deepgrid.run.grid.search.TrialResult;
import deepgrid.run.grid.search.TrialState;
import deepgrid.run.results.SearchFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The search views over trials and epochs: optimisation history, learning curves, budget, confirmation, arms. */
final class SearchCharts {
    private static final String DOT = "#1f77b4";
    private static final String SECOND = "#ff7f0e";
    private static final Map<Search.Phase, String> PHASE = Map.of(Search.Phase.ENQUEUED, "#7f7f7f",
            Search.Phase.STARTUP, "#1f77b4", Search.Phase.MODEL, "#2ca02c");

    private SearchCharts() {
    }

    /** View 1: objective per trial, best-so-far line, phases shaded, pruned hollow. */
    static String history(SearchResults.One one) {
        List<TrialRecord> trials = searchTrials(one);
        Objective o = one.spec().objective();
        Table h = one.tables().get(SearchFolder.HISTORY_CSV);
        double[] ys = new double[trials.size()];
        double[] xs = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            xs[i] = trials.get(i).trial();
            ys[i] = trials.get(i).result() == null ? Double.NaN : trials.get(i).result().objective(o);
        }
        Plot p = new Plot("Optimisation history", trialAxis(one), "trial", fit(ys), o.metric());
        int from = 0;
        for (int i = 1; i <= trials.size(); i++) {
            if (i == trials.size() || trials.get(i).proposal().phase() != trials.get(from).proposal().phase()) {
                Search.Phase phase = trials.get(from).proposal().phase();
                p.band(from - 0.5, i - 0.5, PHASE.getOrDefault(phase, "#999"), phase.csvName());
                from = i;
            }
        }
        double[] best = new double[h.rows().size()];
        for (int i = 0; i < best.length; i++) {
            best[i] = number(h.rows().get(i).get(2));
        }
        p.line(xs, best, "#222", 1.5, 0.9, "best so far");
        for (int i = 0; i < trials.size(); i++) {
            mark(p, trials.get(i), xs[i], ys[i], DOT);
        }
        return p.svg();
    }

    /** View 2: every search run's objective per epoch, rungs dashed, prunes crossed. */
    static String curves(SearchResults.One one) {
        List<TrialRecord> trials = searchTrials(one);
        List<double[]> all = new ArrayList<>();
        int maxEpochs = 1;
        for (TrialRecord r : trials) {
            if (r.result() != null && r.duplicateOf() < 0) {
                for (TrialResult.RunCurve c : r.result().runs()) {
                    all.add(c.curve());
                    maxEpochs = Math.max(maxEpochs, Math.max(c.epochs(), r.epochs()));
                }
            }
        }
        if (all.isEmpty()) {
            return "";
        }
        double[] flat = all.stream().flatMapToDouble(c -> java.util.Arrays.stream(c, 1, c.length)).toArray();
        Plot p = new Plot("Learning curves of the trials", Axis.epochs(maxEpochs), "epoch", fit(flat),
                one.spec().objective().metric());
        for (int s : one.spec().pruner().decisionEpochs(maxEpochs)) {
            p.vline(s, "#999", "rung at epoch " + s);
        }
        int n = one.search().trials();
        for (TrialRecord r : trials) {
            if (r.result() == null || r.duplicateOf() >= 0) {
                continue;
            }
            String color = Palette.ramp(r.trial(), n);
            for (TrialResult.RunCurve c : r.result().runs()) {
                double[] xs = new double[c.curve().length - 1];
                double[] ys = new double[xs.length];
                for (int t = 1; t < c.curve().length; t++) {
                    xs[t - 1] = t;
                    ys[t - 1] = c.curve()[t];
                }
                p.line(xs, ys, color, 1, 0.7, "trial " + r.trial() + " (" + c.state().csvName() + ")");
                if (c.state() == TrialState.PRUNED && xs.length > 0) {
                    p.cross(xs[xs.length - 1], ys[ys.length - 1], "#d62728", "trial " + r.trial() + " pruned after epoch "
                            + xs.length);
                }
            }
        }
        return p.svg();
    }

    /** View 6: epochs spent so far, with pruning and as the same trials would have cost without it. */
    static String budget(SearchResults.One one) {
        Table h = one.tables().get(SearchFolder.HISTORY_CSV);
        if (h.rows().isEmpty()) {
            return "";
        }
        double[] xs = new double[h.rows().size()];
        double[] spent = new double[xs.length];
        double[] full = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = number(h.rows().get(i).get(0));
            spent[i] = number(h.rows().get(i).get(3));
            full[i] = number(h.rows().get(i).get(4));
        }
        Plot p = new Plot("Budget: epochs spent (blue) and without pruning (orange)", trialAxis(one), "trial",
                Axis.fit(Scale.LINEAR, 0, Math.max(1, full[full.length - 1])), "epochs, cumulative");
        p.line(xs, full, SECOND, 2, 0.9, "without pruning");
        p.line(xs, spent, DOT, 2, 0.9, "spent");
        return p.svg();
    }

    /** View 5: the confirmed trials' means and CIs, with their search objectives. */
    static String confirmation(SearchResults.One one) {
        List<Confirmation.Row> rows = one.state().confirmed();
        List<String> names = rows.stream().map(r -> "trial " + r.trial()).toList();
        return intervals("Confirmation on fresh seeds", rows, names, one.spec().objective().metric());
    }

    /** grid × search: each arm's best configuration, confirmed. */
    static String arms(SearchResults.All all) {
        List<Confirmation.Row> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (List<String> cells : all.arms().rows()) {
            rows.add(new Confirmation.Row(0, 0, 0, number(cells.get(5)), 0, number(cells.get(7)), number(cells.get(8)), 0,
                    0, 0, 0, number(cells.get(11)), 0));
            names.add(cells.get(0));
        }
        return intervals("Tuned against tuned", rows, names, all.searches().get(0).spec().objective().metric());
    }

    private static String intervals(String title, List<Confirmation.Row> rows, List<String> names, String metric) {
        double[] values = rows.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.mean(), r.ci95Low(),
                r.ci95High(), r.searchObjective())).toArray();
        Axis x = new Axis(Scale.LINEAR, -0.5, Math.max(0.5, rows.size() - 0.5), List.of());
        Plot p = new Plot(title, x, "", fit(values), metric).xNames(names);
        for (int i = 0; i < rows.size(); i++) {
            Confirmation.Row r = rows.get(i);
            p.dot(i, r.searchObjective(), SECOND, true, names.get(i) + ": search objective " + Fmt.sig(r.searchObjective(), 4));
            p.errorBar(i, r.mean(), Double.isNaN(r.ci95Low()) ? r.mean() : r.ci95Low(),
                    Double.isNaN(r.ci95High()) ? r.mean() : r.ci95High(), DOT, names.get(i) + ": mean "
                            + Fmt.sig(r.mean(), 4) + ", 95% CI " + Fmt.sig(r.ci95Low(), 4) + " to " + Fmt.sig(r.ci95High(), 4));
        }
        return p.svg();
    }

    /** A trial's dot: filled when completed, a ring when pruned, × when diverged; failed and running ones have none. */
    static void mark(Plot p, TrialRecord r, double x, double y, String color) {
        if (r.result() == null) {
            return;
        }
        TrialState s = r.result().state();
        String tip = "trial " + r.trial() + " (" + r.stateText() + "): " + Fmt.sig(y, 4);
        if (s == TrialState.DIVERGED) {
            p.cross(x, y, color, tip);
        } else if (s != TrialState.FAILED) {
            p.dot(x, y, color, s == TrialState.PRUNED || r.duplicateOf() >= 0, tip);
        }
    }

    static List<TrialRecord> searchTrials(SearchResults.One one) {
        return one.state().records().stream().filter(r -> r.proposal().phase() != Search.Phase.CONFIRM).toList();
    }

    private static Axis trialAxis(SearchResults.One one) {
        int n = Math.max(1, one.search().trials());
        List<Double> ticks = deepgrid.report.html.Ticks.linear(0, Math.max(1, n - 1), 6, 1).stream()
                .filter(t -> t <= n - 1).toList(); // whole trials only, none past the last
        return new Axis(Scale.LINEAR, -0.5, n - 0.5, ticks);
    }

    /** A linear axis over the finite values (0 to 1 when there are none). */
    static Axis fit(double[] values) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Double.isNaN(lo) ? v : Math.min(lo, v);
                hi = Double.isNaN(hi) ? v : Math.max(hi, v);
            }
        }
        return Axis.fit(Scale.LINEAR, lo, hi);
    }

    static double number(String cell) {
        try {
            return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
