package deepgrid.run.grid.search;

import deepgrid.config.Problem;
import deepgrid.run.results.Csv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contents of the search's result files (design §7) as {@link Table}s: trials.csv,
 * history.csv, rungs.csv, importance.csv and confirm.csv, each computed from the trials'
 * proposals and the curves read back from their runs, so {@code deepgrid report} can rebuild
 * them from the run folders alone. Also the after-search warning about best values at a range edge.
 */
public final class SearchTables {
    /** A best value closer than this fraction of its (transformed) range to an end gets a warning. */
    static final double EDGE = 0.05;

    private SearchTables() {
    }

    /** trials.csv: trial, phase, state, objective, objective_std, best_epoch, epochs_trained, parameters…, run, seconds. */
    public static Table trials(Search search, List<TrialRecord> records) {
        Space space = search.spec().space();
        Objective o = search.spec().objective();
        List<String> header = new ArrayList<>(List.of("trial", "phase", "state", "objective", "objective_std",
                "best_epoch", "epochs_trained"));
        space.params().forEach(p -> header.add(p.name()));
        header.addAll(List.of("run", "seconds"));
        List<List<String>> rows = new ArrayList<>();
        for (TrialRecord r : records) {
            TrialResult res = r.result();
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.trial()), r.proposal().phase().csvName(),
                    r.stateText(), res == null ? "" : Csv.num(res.objective(o)),
                    res == null ? "" : Csv.num(res.objectiveStd(o)),
                    res == null || res.bestEpoch(o) < 0 ? "" : Integer.toString(res.bestEpoch(o)),
                    res == null ? "" : Integer.toString(res.epochsTrained())));
            row.addAll(space.texts(r.proposal().params()).values());
            row.add(String.join(";", r.runs()));
            row.add(seconds(r.seconds()));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * history.csv: per search trial in order, its objective, the best completed objective so far,
     * and the cost so far: epochs trained, the epochs the same trials would have cost without
     * pruning (every run all its configured epochs), and seconds. A duplicate costs nothing.
     */
    public static Table history(Search search, List<TrialRecord> records) {
        Objective o = search.spec().objective();
        double best = Double.NaN;
        long epochs = 0;
        long unpruned = 0;
        double seconds = 0;
        List<List<String>> rows = new ArrayList<>();
        for (TrialRecord r : searchTrials(records)) {
            TrialResult res = r.result();
            double value = res == null ? Double.NaN : res.objective(o);
            if (res != null && res.state() == TrialState.COMPLETED && o.goal().better(value, best)) {
                best = value;
            }
            boolean costs = res != null && r.duplicateOf() < 0;
            epochs += costs ? res.epochsTrained() : 0;
            unpruned += costs ? (long) res.runs().size() * Math.max(r.epochs(), 0) : 0;
            seconds += r.duplicateOf() >= 0 ? 0 : r.seconds();
            rows.add(List.of(Integer.toString(r.trial()), Csv.num(value), Csv.num(best), Long.toString(epochs),
                    Long.toString(unpruned), seconds(seconds)));
        }
        return new Table(List.of("trial", "objective", "best_so_far", "epochs_cumulative", "epochs_without_pruning",
                "seconds_cumulative"), rows);
    }

    /**
     * rungs.csv: every pruning decision, replayed from each run's curve with the stop rule its
     * trial started with; {@code repeat} says which of the trial's runs (seeds) it was.
     */
    public static Table rungs(Search search, List<TrialRecord> records) {
        Map<Integer, TrialResult> results = results(records);
        List<List<String>> rows = new ArrayList<>();
        for (TrialRecord r : searchTrials(records)) {
            if (r.result() == null || r.duplicateOf() >= 0) {
                continue;
            }
            for (int rep = 0; rep < r.result().runs().size(); rep++) {
                StopRule rule = search.stopRule(r.trial(), rep, r.epochs(), results);
                for (StopRule.Decision d : rule.replay(r.result().runs().get(rep).curve())) {
                    rows.add(List.of(Integer.toString(r.trial()), Integer.toString(rep),
                            d.rung() < 0 ? "" : Integer.toString(d.rung()), Integer.toString(d.epoch()), Csv.num(d.value()),
                            Csv.num(d.cutoff()), d.verdict().csvName()));
                }
            }
        }
        return new Table(List.of("trial", "repeat", "rung", "epoch", "value", "cutoff", "decision"), rows);
    }

    /** importance.csv: PED-ANOVA over the completed search trials, most important first. */
    public static Table importance(Search search, List<TrialRecord> records) {
        Objective o = search.spec().objective();
        List<Assignment> params = new ArrayList<>();
        List<Double> objectives = new ArrayList<>();
        for (TrialRecord r : completed(records, o)) {
            params.add(r.proposal().params());
            objectives.add(r.result().objective(o));
        }
        List<List<String>> rows = new ArrayList<>();
        Importance.of(search.spec().space(), o.goal(), params, objectives)
                .forEach((name, v) -> rows.add(List.of(name, Csv.num(v))));
        return new Table(List.of("parameter", "importance"), rows);
    }

    /** confirm.csv: {@link Confirmation.Row} columns, then the confirmed trial's parameters. */
    public static Table confirm(Search search, List<Confirmation.Row> confirmed, Map<Integer, Assignment> params) {
        Space space = search.spec().space();
        List<String> header = new ArrayList<>(List.of("trial", "rank", "n", "mean", "std", "ci95_low", "ci95_high",
                "difference_vs_best", "p_vs_best", "difference_vs_baseline", "p_vs_baseline", "search_objective",
                "winners_curse"));
        space.params().forEach(p -> header.add(p.name()));
        List<List<String>> rows = new ArrayList<>();
        for (Confirmation.Row c : confirmed) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(c.trial()), Integer.toString(c.rank()),
                    Integer.toString(c.n()), Csv.num(c.mean()), Csv.num(c.std()), Csv.num(c.ci95Low()),
                    Csv.num(c.ci95High()), Csv.num(c.differenceVsBest()), Csv.num(c.pVsBest()),
                    Csv.num(c.differenceVsBaseline()), Csv.num(c.pVsBaseline()), Csv.num(c.searchObjective()),
                    Csv.num(c.winnersCurse())));
            row.addAll(space.texts(params.getOrDefault(c.trial(), Assignment.EMPTY)).values());
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * After the search: for the best completed trial, each numeric value within 5% of its
     * range's low or high end (in log space for log ranges), a warning to widen the range.
     */
    public static List<Problem> edgeWarnings(Search search, List<TrialRecord> records) {
        Objective o = search.spec().objective();
        TrialRecord best = null;
        for (TrialRecord r : completed(records, o)) {
            if (best == null || o.goal().better(r.result().objective(o), best.result().objective(o))) {
                best = r;
            }
        }
        List<Problem> out = new ArrayList<>();
        if (best == null) {
            return out;
        }
        Space space = search.spec().space();
        for (Param p : space.params()) {
            if (!(p.domain() instanceof Numeric n) || !best.proposal().params().has(p.name()) || n.lo() == n.hi()) {
                continue;
            }
            double x = best.proposal().params().get(p.name());
            double f = n.fraction(x);
            if (f < EDGE || f > 1 - EDGE) {
                out.add(new Problem(space.positionOf(p.name()), String.format(Locale.ROOT,
                        "warning: search.space.%s: the best trial (%d) has %s, within 5%% of the range's %s end %s%s;"
                                + " widen the range", p.name(), best.trial(), n.text(x), f < EDGE ? "low" : "high",
                        Numeric.show(f < EDGE ? n.low() : n.high()), n.scale() == Numeric.Scale.LOG ? " (on a log scale)" : "")));
            }
        }
        return out;
    }

    private static List<TrialRecord> searchTrials(List<TrialRecord> records) {
        return records.stream().filter(r -> r.proposal().phase() != Search.Phase.CONFIRM).toList();
    }

    private static List<TrialRecord> completed(List<TrialRecord> records, Objective o) {
        return searchTrials(records).stream().filter(r -> r.result() != null && r.duplicateOf() < 0
                && r.result().state() == TrialState.COMPLETED && !Double.isNaN(r.result().objective(o))).toList();
    }

    private static Map<Integer, TrialResult> results(List<TrialRecord> records) {
        Map<Integer, TrialResult> out = new HashMap<>();
        searchTrials(records).forEach(r -> {
            if (r.result() != null) {
                out.put(r.trial(), r.result());
            }
        });
        return out;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
