package deepgrid.report;

import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import deepgrid.run.Status;
import java.util.List;

/**
 * The summary table: one row per grid point, as in summary.csv (same statistics, same
 * order), showing the headline split's accuracy and loss as mean ± std with the 95%
 * confidence interval; the point with the best headline mean is marked. Below it, the
 * runs that did not complete and why.
 */
final class SummarySection {
    private SummarySection() {
    }

    static void render(Html out, PageData data) {
        out.open("section", "id", "summary").newline();
        out.element("h2", "Summary").newline();
        out.element("p", "Final " + data.headline().splitName() + " metrics per grid point over its completed runs"
                + " (n): mean ± sample standard deviation, and the 95% confidence interval of the mean"
                + " (Student's t; not clipped to [0, 1], and wide with few seeds). All splits are in summary.csv.",
                "class", "note").newline();
        int best = best(data);
        out.open("table", "class", "summary").newline();
        header(out, data);
        for (int i = 0; i < data.points().size(); i++) {
            row(out, data, i, i == best ? "point best" : "point");
        }
        out.close("table").newline();
        if (best >= 0) {
            out.element("p", "★ best " + Headline.words(data.headline().metric()) + ": "
                    + data.points().get(best).label(), "class", "note").newline();
        }
        unfinished(out, data);
        out.close("section").newline();
    }

    /** The point with the best mean headline metric (the first on a tie), -1 when no point has one. */
    static int best(PageData data) {
        String metric = data.headline().metric();
        double sign = Headline.higherIsBetter(metric) ? 1 : -1;
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.points().size(); i++) {
            double mean = Stats.of(data.points().get(i).completed(metric)).mean();
            if (!Double.isNaN(mean) && sign * mean > bestValue) {
                best = i;
                bestValue = sign * mean;
            }
        }
        return best;
    }

    private static void header(Html out, PageData data) {
        out.open("tr").element("th", "");
        if (data.hasVariants()) {
            out.element("th", "variant");
        }
        data.table().gridColumns().forEach(c -> out.element("th", c));
        out.element("th", "runs").element("th", "n").element("th", "diverged").element("th", "failed");
        for (String m : data.headline().splitMetrics()) {
            out.element("th", Headline.words(m) + " mean ± std").element("th", "95% CI");
        }
        out.close("tr").newline();
    }

    private static void row(Html out, PageData data, int i, String rowClass) {
        GridPoint p = data.points().get(i);
        out.open("tr", "class", rowClass);
        out.open("td").raw(swatch(data.color(i))).text(rowClass.contains("best") ? " ★" : "").close("td");
        if (data.hasVariants()) {
            out.element("td", p.variant());
        }
        p.values().forEach(v -> out.element("td", v));
        for (int count : List.of(p.runs().size(), p.count(Status.COMPLETED), p.count(Status.DIVERGED),
                p.count(Status.FAILED))) {
            out.element("td", Integer.toString(count), "class", "num");
        }
        for (String m : data.headline().splitMetrics()) {
            Stats s = Stats.of(p.completed(m));
            out.element("td", Fmt.sig(s.mean(), 4) + spread(s), "class", "num");
            out.element("td", Double.isNaN(s.ci95Low()) ? "–"
                    : "[" + Fmt.sig(s.ci95Low(), 4) + ", " + Fmt.sig(s.ci95High(), 4) + "]", "class", "num");
        }
        out.close("tr").newline();
    }

    /**
     * " ± std", or "" for a single run. Values read from decimal text that are all equal
     * give a std of ~1e-17 rather than 0 (0.1 has no exact binary form); that is shown as 0.
     */
    private static String spread(Stats s) {
        if (Double.isNaN(s.std())) {
            return "";
        }
        boolean rounding = s.std() <= 1e-12 * Math.abs(s.mean());
        return " ± " + (rounding ? "0" : Fmt.sig(s.std(), 2));
    }

    /** A small square of the point's colour, as in the charts' legends. */
    static String swatch(String color) {
        return new Html().open("span", "class", "swatch", "style", "background:" + color).close("span").toString();
    }

    private static void unfinished(Html out, PageData data) {
        List<RunRow> runs = data.table().rows().stream().filter(r -> r.status() != Status.COMPLETED).toList();
        if (runs.isEmpty()) {
            return;
        }
        out.element("h3", "Runs that did not complete").newline();
        out.open("ul", "class", "unfinished").newline();
        for (RunRow r : runs) {
            String after = r.cell("epochs").isEmpty() || r.cell("epochs").equals("0") ? "" : " after " + r.cell("epochs") + " epochs";
            String reason = r.cell("reason").isEmpty() ? "" : ": " + r.cell("reason");
            out.open("li").element("code", r.cell("run")).text(" " + r.status().csvName() + after + reason)
                    .close("li").newline();
        }
        out.close("ul").newline();
    }
}
