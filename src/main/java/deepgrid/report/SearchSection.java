package deepgrid.report;

import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import deepgrid.run.grid.search.Confirmation;
import deepgrid.run.grid.search.Objective;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.Table;
import deepgrid.run.grid.search.TrialRecord;
import deepgrid.run.grid.search.TrialState;
import deepgrid.run.results.SearchFolder;
import java.util.List;
import java.util.Locale;

/**
 * The page's search views (design/search.md §8), one block per search, each chart with a link
 * to the CSV it shows: the optimisation history, the trials' learning curves with their rungs,
 * a slice per parameter, parallel coordinates with importance bars, the confirmation with its
 * verdict in words, and the budget with and without pruning. For grid × search, the arms'
 * tuned configurations compared ("tuned A vs tuned B").
 */
final class SearchSection {
    private SearchSection() {
    }

    static void render(Html out, SearchResults.All all) {
        if (all.isEmpty()) {
            return;
        }
        out.open("section", "id", "search").newline();
        out.element("h2", all.searches().size() == 1 ? "Search" : "Searches").newline();
        out.element("p", runs(all) + " The summary, comparisons and curves further down describe each search's best"
                + " configuration: the confirmation runs of its best trial (before the confirmation, the runs of its best"
                + " trial so far).", "class", "note").newline();
        if (all.arms() != null) {
            arms(out, all);
        }
        for (SearchResults.One one : all.searches()) {
            one(out, one);
        }
        out.close("section").newline();
    }

    /** How every run of the searches ended (runs.csv lists them all). */
    private static String runs(SearchResults.All all) {
        java.util.Map<deepgrid.run.Status, Integer> n = new java.util.EnumMap<>(deepgrid.run.Status.class);
        all.searches().forEach(o -> o.runs().values().forEach(r -> n.merge(r.record().status(), 1, Integer::sum)));
        int total = n.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder(total + " runs of trials and confirmations (runs.csv):");
        n.forEach((status, count) -> s.append(' ').append(count).append(' ').append(status.csvName()).append(','));
        s.setLength(s.length() - (n.isEmpty() ? 0 : 1));
        return s.append('.').toString();
    }

    private static void one(Html out, SearchResults.One one) {
        String base = SearchFolder.SEARCH + "/" + one.hash() + "/";
        out.open("div", "class", "search", "id", "search-" + one.hash()).newline();
        out.element("h3", "Search " + one.hash() + (one.arm().isEmpty() ? "" : " — " + one.arm())).newline();
        out.open("p", "class", "note").text(counts(one) + " Files: ");
        for (String f : List.of(SearchFolder.SPACE_YAML, SearchFolder.TRIALS_CSV, SearchFolder.HISTORY_CSV,
                SearchFolder.RUNGS_CSV, SearchFolder.IMPORTANCE_CSV, SearchFolder.CONFIRM_CSV)) {
            out.open("a", "href", base + f).text(f).close("a").text(" ");
        }
        out.close("p").newline();
        best(out, one);
        if (!one.warnings().isEmpty()) {
            out.open("ul", "class", "warnings").newline();
            one.warnings().forEach(w -> out.element("li", w).newline());
            out.close("ul").newline();
        }
        out.open("div", "class", "charts").newline();
        figure(out, SearchCharts.history(one), base + SearchFolder.HISTORY_CSV, "Objective per trial; line: best"
                + " completed so far; filled dot: completed, ring: pruned, ×: diverged; bands: how trials were chosen.");
        figure(out, SearchCharts.curves(one), base + SearchFolder.RUNGS_CSV, "Objective per epoch of every search run"
                + " (colour: trial number, dark first); dashed: the pruner's rungs; ×: where a run was pruned.");
        figure(out, SearchCharts.budget(one), base + SearchFolder.HISTORY_CSV, budgetNote(one));
        for (SpaceCharts.Slice slice : SpaceCharts.slices(one)) {
            figure(out, slice.svg(), base + SearchFolder.TRIALS_CSV, slice.note());
        }
        figure(out, SpaceCharts.parallel(one), base + SearchFolder.TRIALS_CSV, "One line per completed trial,"
                + " each parameter's range from bottom to top (log ranges in log steps); dark lines: better objective.");
        out.close("div").newline();
        SpaceCharts.importance(out, one, base + SearchFolder.IMPORTANCE_CSV);
        confirmation(out, one, base + SearchFolder.CONFIRM_CSV);
        out.close("div").newline();
    }

    private static void figure(Html out, String svg, String csv, String note) {
        if (svg.isEmpty()) {
            return;
        }
        out.open("figure").raw(svg).open("figcaption", "class", "note");
        out.text(note.isEmpty() ? "" : note + (note.endsWith(".") ? " " : ". ")).text("Data: ").open("a", "href", csv).text(csv.substring(
                csv.lastIndexOf('/') + 1)).close("a").close("figcaption").close("figure").newline();
    }

    private static String counts(SearchResults.One one) {
        var s = one.spec().sampling();
        long completed = stateCount(one, TrialState.COMPLETED);
        long pruned = stateCount(one, TrialState.PRUNED);
        long diverged = stateCount(one, TrialState.DIVERGED);
        long failed = stateCount(one, TrialState.FAILED);
        int started = one.state().started();
        return String.format(Locale.ROOT, "%s sampler, %d of %d trials started (%d completed, %d pruned, %d diverged,"
                + " %d failed, %d duplicates)%s; objective: %s %s (%s epoch).", one.search().trials() < s.trials()
                        ? "grid (the space is smaller than the budget)" : s.kind().yamlName(), started, one.search().trials(),
                completed, pruned, diverged, failed, one.state().duplicates().size(),
                one.state().searched(one.search()) ? "" : ", still running", one.spec().objective().goal().yamlName(),
                one.spec().objective().metric(), one.spec().objective().epoch().yamlName());
    }

    private static long stateCount(SearchResults.One one, TrialState state) {
        return one.state().records().stream().filter(r -> r.proposal().phase() != Search.Phase.CONFIRM
                && r.duplicateOf() < 0 && r.result() != null && r.result().state() == state).count();
    }

    /** The best completed trial of the search, in words. */
    private static void best(Html out, SearchResults.One one) {
        Objective o = one.spec().objective();
        TrialRecord best = null;
        for (TrialRecord r : one.state().records()) {
            if (r.proposal().phase() != Search.Phase.CONFIRM && r.duplicateOf() < 0 && r.result() != null
                    && r.result().state() == TrialState.COMPLETED
                    && (best == null || o.goal().better(r.result().objective(o), best.result().objective(o)))) {
                best = r;
            }
        }
        if (best == null) {
            out.element("p", "No trial has completed yet.", "class", "note").newline();
            return;
        }
        StringBuilder params = new StringBuilder();
        one.spec().space().texts(best.proposal().params()).forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.append(params.length() == 0 ? "" : ", ").append(k).append(" = ").append(v);
            }
        });
        out.element("p", String.format(Locale.ROOT, "Best trial so far: %d, %s %s (epoch %d), with %s.", best.trial(),
                o.metric(), Fmt.sig(best.result().objective(o), 4), best.result().bestEpoch(o), params), "class", "best")
                .newline();
    }

    private static String budgetNote(SearchResults.One one) {
        Table h = one.tables().get(SearchFolder.HISTORY_CSV);
        if (h.rows().isEmpty()) {
            return "Epochs trained so far against the same trials without pruning.";
        }
        List<String> last = h.rows().get(h.rows().size() - 1);
        double spent = Double.parseDouble(last.get(3));
        double full = Double.parseDouble(last.get(4));
        return String.format(Locale.ROOT, "Epochs trained so far against the same trials without pruning: %.0f of %.0f"
                + " (%.0f%%).", spent, full, full > 0 ? 100 * spent / full : 100);
    }

    private static void confirmation(Html out, SearchResults.One one, String csv) {
        out.element("h4", "Confirmation").newline();
        List<Confirmation.Row> rows = one.state().confirmed();
        if (rows.isEmpty()) {
            out.element("p", one.spec().confirm().enabled() ? "Not yet: the best trials are re-run on fresh seeds once"
                    + " every trial has ended." : "None (confirm: none).", "class", "note").newline();
            return;
        }
        out.element("p", Confirmation.verdict(rows, one.spec().objective().goal()), "class", "verdict").newline();
        out.open("div", "class", "charts").newline();
        figure(out, SearchCharts.confirmation(one), csv, "Mean and 95% CI of each confirmed trial over the fresh seeds;"
                + " ring: its objective during the search (the distance is the winner's curse).");
        out.close("div").newline();
        table(out, one.tables().get(SearchFolder.CONFIRM_CSV), 13);
    }

    private static void arms(Html out, SearchResults.All all) {
        out.element("h3", "Tuned against tuned").newline();
        out.element("p", all.armsVerdict(), "class", "verdict").newline();
        out.open("div", "class", "charts").newline();
        figure(out, SearchCharts.arms(all), SearchFolder.SEARCH + "/" + SearchFolder.ARMS_CSV, "Each arm's best"
                + " confirmed trial: mean and 95% CI over the same fresh seeds (paired by seed in arms.csv).");
        out.close("div").newline();
        table(out, all.arms(), all.arms().header().size());
    }

    /** A CSV table as HTML, its first {@code columns} columns. */
    static void table(Html out, Table t, int columns) {
        out.open("table", "class", "search-table").newline().open("tr");
        t.header().subList(0, Math.min(columns, t.header().size())).forEach(h -> out.element("th", h));
        out.close("tr").newline();
        for (List<String> row : t.rows()) {
            out.open("tr");
            for (String cell : row.subList(0, Math.min(columns, row.size()))) {
                double v = SearchCharts.number(cell);
                boolean number = !Double.isNaN(v);
                out.element("td", number && cell.length() > 8 ? Fmt.sig(v, 4) : cell, "class", number ? "num" : "text");
            }
            out.close("tr").newline();
        }
        out.close("table").newline();
    }
}
