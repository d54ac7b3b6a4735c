package deepgrid.report;

import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of comparisons.csv for the headline metric, each with a verdict in words;
 * significant ones stand out. Ends with a caution about testing many pairs at once.
 */
final class ComparisonSection {
    private static final String FIXED = "same in both";
    private ComparisonSection() {
    }

    static void render(Html out, PageData data) {
        String metric = data.headline().metric();
        List<Comparison> rows = Comparison.rows(data.comparisons(), metric);
        out.open("section", "id", "comparisons").newline();
        out.element("h2", "Comparisons: " + Headline.words(metric)).newline();
        if (rows.isEmpty()) {
            out.element("p", "No two grid points differ in exactly one path (or only in their variant), so there"
                    + " is nothing to compare.", "class", "note").newline();
            out.close("section").newline();
            return;
        }
        out.element("p", "Pairs of grid points that differ in one path only, compared seed by seed (runs with the"
                + " same seed share data split, initial weights and batch order): difference = mean of (B − A)"
                + " over the seeds completed in both, with the two-sided p-value of a paired t-test.", "class", "note")
                .newline();
        out.open("table", "class", "comparisons").newline();
        List<String> header = new ArrayList<>(List.of("path", "A", "B", FIXED, "pairs", "mean A", "mean B", "B − A",
                "p", "verdict"));
        if (rows.stream().allMatch(c -> c.fixed().isEmpty())) {
            header.remove(FIXED); // a one-path grid: nothing is held fixed
        }
        out.open("tr");
        header.forEach(h -> out.element("th", h));
        out.close("tr").newline();
        rows.forEach(c -> row(out, c, header));
        out.close("table").newline();
        out.element("p", "With many comparisons, some fall below p = 0.05 by chance alone (about 1 in 20 when"
                + " nothing differs); no correction for multiple comparisons is applied. Seeds are few: treat a"
                + " verdict as a hint to check with more repeats.", "class", "note").newline();
        out.close("section").newline();
    }

    private static void row(Html out, Comparison c, List<String> header) {
        out.open("tr", "class", Verdict.significant(c) ? "significant" : "plain");
        out.element("td", c.path()).element("td", c.valueA()).element("td", c.valueB());
        if (header.contains(FIXED)) {
            out.element("td", c.fixed());
        }
        out.element("td", Integer.toString(c.pairs()), "class", "num");
        out.element("td", Fmt.sig(c.meanA(), 4), "class", "num").element("td", Fmt.sig(c.meanB(), 4), "class", "num");
        out.element("td", signed(c.difference()), "class", "num");
        out.element("td", Fmt.sig(c.p(), 2), "class", "num");
        out.element("td", Verdict.of(c));
        out.close("tr").newline();
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + Fmt.sig(v, 3);
    }
}
