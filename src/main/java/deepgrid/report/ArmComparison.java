package deepgrid.report;

import deepgrid.run.grid.search.Confirmation;
import deepgrid.run.grid.search.Goal;
import deepgrid.run.grid.search.Objective;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.Table;
import deepgrid.run.grid.search.TrialRecord;
import deepgrid.run.grid.search.TrialState;
import deepgrid.run.results.Csv;
import deepgrid.run.results.SearchFolder;
import deepgrid.run.grid.search.Curves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * grid × search (design §2, §6): "is tuned A better than tuned B?" Each arm's best confirmed
 * trial ran on the same fresh seeds, so the arms' best are compared pair by pair, with the
 * statistics of confirm.csv: search/arms.csv and a verdict in words.
 */
record ArmComparison(Table table, String verdict) {
    static final List<String> HEADER = List.of("arm", "search", "trial", "rank", "n", "mean", "std", "ci95_low",
            "ci95_high", "difference_vs_best", "p_vs_best", "search_objective", "winners_curse");

    /** The comparison of the searches' best configurations; null with fewer than two searches that have one. */
    static ArmComparison of(List<SearchResults.One> searches) {
        Map<Integer, Map<Long, Double>> values = new LinkedHashMap<>();
        Map<Integer, Double> searchObjective = new LinkedHashMap<>();
        for (int a = 0; a < searches.size(); a++) {
            SearchResults.One one = searches.get(a);
            List<Confirmation.Row> rows = one.state().confirmed();
            if (rows.isEmpty()) {
                continue;
            }
            values.put(a, seedValues(one, rows.get(0).trial()));
            searchObjective.put(a, rows.get(0).searchObjective());
        }
        if (values.size() < 2) {
            return null;
        }
        Goal goal = searches.get(values.keySet().iterator().next()).spec().objective().goal();
        List<Confirmation.Row> rows = Confirmation.rows(goal, values, searchObjective, -1);
        List<List<String>> cells = new ArrayList<>();
        for (Confirmation.Row r : rows) {
            SearchResults.One one = searches.get(r.trial());
            cells.add(List.of(label(one), one.hash(), Integer.toString(one.state().confirmed().get(0).trial()),
                    Integer.toString(r.rank()), Integer.toString(r.n()), Csv.num(r.mean()), Csv.num(r.std()),
                    Csv.num(r.ci95Low()), Csv.num(r.ci95High()), Csv.num(r.differenceVsBest()), Csv.num(r.pVsBest()),
                    Csv.num(r.searchObjective()), Csv.num(r.winnersCurse())));
        }
        return new ArmComparison(new Table(HEADER, cells), verdict(rows, searches, goal));
    }

    /** Seed → objective of trial t's completed confirmation runs. */
    private static Map<Long, Double> seedValues(SearchResults.One one, int t) {
        Objective o = one.spec().objective();
        Map<Long, Double> out = new LinkedHashMap<>();
        for (TrialRecord r : one.state().records()) {
            if (r.trial() != t || r.proposal().phase() != Search.Phase.CONFIRM) {
                continue;
            }
            for (String id : r.runs()) {
                SearchFolder.SearchRun run = one.runs().get(id);
                var curve = Curves.of(run.record().status(), run.metrics(), o.metric());
                double v = o.of(curve.curve()).value();
                if (curve.state() == TrialState.COMPLETED && !Double.isNaN(v)) {
                    out.put(run.record().seed(), v);
                }
            }
        }
        return out;
    }

    static String label(SearchResults.One one) {
        return one.arm().isEmpty() ? "search " + one.hash() : one.arm();
    }

    /** Which arm's tuned configuration is best, and whether the data can tell it from the runner-up. */
    private static String verdict(List<Confirmation.Row> rows, List<SearchResults.One> searches, Goal goal) {
        Confirmation.Row best = rows.get(0);
        Confirmation.Row second = rows.get(1);
        String a = label(searches.get(best.trial()));
        String b = label(searches.get(second.trial()));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Tuned %s is best: mean %.4g over %d seeds (95%% CI %.4g to %.4g).", a, best.mean(), best.n(),
                best.ci95Low(), best.ci95High()));
        if (Double.isNaN(second.pVsBest())) {
            s.append(String.format(Locale.ROOT, " Tuned %s cannot be tested against it (too few paired seeds).", b));
        } else if (second.pVsBest() < 0.05) {
            s.append(String.format(Locale.ROOT, " It is %s than tuned %s (difference %.3g, paired t-test p = %.2g).",
                    goal == Goal.MAXIMIZE ? "higher" : "lower", b, Math.abs(second.differenceVsBest()), second.pVsBest()));
        } else {
            s.append(String.format(Locale.ROOT, " The data cannot tell it from tuned %s (difference %.3g, paired t-test"
                    + " p = %.2g ≥ 0.05): run more seeds, or treat them as equal.", b, Math.abs(second.differenceVsBest()),
                    second.pVsBest()));
        }
        return s.toString();
    }
}
