package deepgrid.report;

import deepgrid.report.html.Axis;
import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import deepgrid.report.html.Palette;
import deepgrid.report.html.Plot;
import deepgrid.report.html.Scale;
import deepgrid.run.grid.search.Categorical;
import deepgrid.run.grid.search.Numeric;
import deepgrid.run.grid.search.Objective;
import deepgrid.run.grid.search.Param;
import deepgrid.run.grid.search.Table;
import deepgrid.run.grid.search.TrialRecord;
import deepgrid.run.grid.search.TrialState;
import deepgrid.run.results.SearchFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The search views over the space: a slice per parameter, parallel coordinates, importance bars. */
final class SpaceCharts {
    private SpaceCharts() {
    }

    /** One slice chart and what to say under it (the range-edge warning of its parameter, if any). */
    record Slice(String svg, String note) {
    }

    /** View 3: objective against each parameter's value (log axis where the range is log), colour by trial number. */
    static List<Slice> slices(SearchResults.One one) {
        Objective o = one.spec().objective();
        List<TrialRecord> trials = ended(one);
        double[] all = trials.stream().mapToDouble(r -> r.result().objective(o)).toArray();
        List<Slice> out = new ArrayList<>();
        int n = one.search().trials();
        for (Param p : one.spec().space().params()) {
            Plot plot;
            if (p.domain() instanceof Numeric num) {
                Scale scale = num.scale() == Numeric.Scale.LOG ? Scale.LOG : Scale.LINEAR;
                Axis x = num.lo() == num.hi() ? Axis.fit(scale, num.lo(), num.hi()) : Axis.fit(scale, num.lo(), num.hi());
                plot = new Plot("Slice: " + p.name() + (scale == Scale.LOG ? " (log)" : ""), x, p.name(),
                        SearchCharts.fit(all), o.metric());
            } else {
                List<String> labels = ((Categorical) p.domain()).labels();
                Axis x = new Axis(Scale.LINEAR, -0.5, labels.size() - 0.5, List.of());
                plot = new Plot("Slice: " + p.name(), x, p.name(), SearchCharts.fit(all), o.metric()).xNames(labels);
            }
            boolean any = false;
            for (TrialRecord r : trials) {
                if (r.proposal().params().has(p.name())) {
                    SearchCharts.mark(plot, r, r.proposal().params().get(p.name()), r.result().objective(o),
                            Palette.ramp(r.trial(), n));
                    any = true;
                }
            }
            if (any) {
                String edge = one.warnings().stream().filter(w -> w.startsWith("warning: search.space." + p.name() + ": the best"))
                        .findFirst().orElse("");
                out.add(new Slice(plot.svg(), edge.isEmpty() ? "Colour: trial number (dark first); ring: pruned."
                        : "⚠ " + edge.substring("warning: ".length())));
            }
        }
        return out;
    }

    /** View 4: one line per completed trial across every parameter's axis; darker is better. */
    static String parallel(SearchResults.One one) {
        Objective o = one.spec().objective();
        List<Param> params = one.spec().space().params();
        List<TrialRecord> done = new ArrayList<>(ended(one).stream()
                .filter(r -> r.result().state() == TrialState.COMPLETED && !Double.isNaN(r.result().objective(o))).toList());
        if (done.isEmpty() || params.size() < 2) {
            return "";
        }
        done.sort(Comparator.comparing((TrialRecord r) -> r.result().objective(o), o.goal().bestFirst()).reversed());
        Axis x = new Axis(Scale.LINEAR, -0.3, params.size() - 0.7, List.of());
        Axis y = new Axis(Scale.LINEAR, -0.08, 1.08, List.of());
        Plot plot = new Plot("Parallel coordinates (" + done.size() + " completed trials)", x, "", y, "")
                .xNames(params.stream().map(Param::name).toList()).noYTicks();
        for (int i = 0; i < params.size(); i++) {
            plot.line(new double[] {i, i}, new double[] {0, 1}, "#888", 1, 1, params.get(i).name());
            plot.text(i, 1.04, lowHigh(params.get(i), true), "middle");
            plot.text(i, -0.06, lowHigh(params.get(i), false), "middle");
        }
        for (int k = 0; k < done.size(); k++) {
            TrialRecord r = done.get(k);
            double[] xs = new double[params.size()];
            double[] ys = new double[params.size()];
            for (int i = 0; i < params.size(); i++) {
                xs[i] = i;
                ys[i] = r.proposal().params().has(params.get(i).name())
                        ? position(params.get(i), r.proposal().params().get(params.get(i).name())) : Double.NaN;
            }
            plot.line(xs, ys, Palette.ramp(done.size() - 1 - k, done.size()), 1.2, 0.75, "trial " + r.trial() + ": "
                    + Fmt.sig(r.result().objective(o), 4));
        }
        return plot.svg();
    }

    /** The importance bars (PED-ANOVA) with importance.csv's numbers. */
    static void importance(Html out, SearchResults.One one, String csv) {
        Table t = one.tables().get(SearchFolder.IMPORTANCE_CSV);
        if (t.rows().isEmpty()) {
            return;
        }
        out.element("h4", "Parameter importance").newline();
        out.open("table", "class", "importance").newline();
        for (List<String> row : t.rows()) {
            double v = SearchCharts.number(row.get(1));
            int width = Double.isNaN(v) ? 0 : (int) Math.round(240 * v);
            out.open("tr").element("td", row.get(0)).element("td", Fmt.sig(v, 3), "class", "num").open("td")
                    .raw(new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", "244", "height", "12",
                            "role", "img", "aria-label", row.get(0) + " importance " + Fmt.sig(v, 3))
                            .empty("rect", "x", "0", "y", "1", "width", Integer.toString(width), "height", "10",
                                    "fill", "#1f77b4").close("svg").toString())
                    .close("td").close("tr").newline();
        }
        out.close("table").newline();
        out.open("p", "class", "note").text("PED-ANOVA (Watanabe et al. 2023): how differently each parameter is"
                + " distributed in the top 10% of completed trials than in all of them; the shares sum to 1. Data: ")
                .open("a", "href", csv).text("importance.csv").close("a").close("p").newline();
    }

    /** Where value v of parameter p sits on its axis: 0 at the low end, 1 at the high end. */
    private static double position(Param p, double v) {
        if (p.domain() instanceof Numeric n) {
            return n.fraction(v);
        }
        int c = ((Categorical) p.domain()).labels().size();
        return c <= 1 ? 0.5 : v / (c - 1);
    }

    private static String lowHigh(Param p, boolean high) {
        if (p.domain() instanceof Numeric n) {
            return Numeric.show(high ? n.high() : n.low());
        }
        List<String> labels = ((Categorical) p.domain()).labels();
        return high ? labels.get(labels.size() - 1) : labels.get(0);
    }

    private static List<TrialRecord> ended(SearchResults.One one) {
        return SearchCharts.searchTrials(one).stream().filter(r -> r.result() != null && r.duplicateOf() < 0).toList();
    }
}
