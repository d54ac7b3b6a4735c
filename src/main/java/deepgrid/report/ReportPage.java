package deepgrid.report;

import deepgrid.report.html.Html;
import java.nio.file.Path;
import java.util.List;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
 * built from a results folder's run folders: header, summary table, comparisons with
 * verdicts, learning curves with training-health events, per-layer diagnostics, activation
 * histograms, decision boundaries, confusion matrices, the configuration, and notes on any
 * file that could not be read. The same folder gives the same page, except for the one
 * line that says when it was generated ({@link HeaderSection#GENERATED}).
 */
final class ReportPage {
    private ReportPage() {
    }

    /** What the page shows beyond the grid's sections: the notes collected so far, and the searches. */
    record Extra(RunFiles files, SearchResults.All searches, RunTable allRuns) {
        static Extra none() {
            return new Extra(new RunFiles(), new SearchResults.All(List.of(), null, ""), null);
        }
    }

    /** The page for the finished runs in {@code table}, with {@code comparisons} as in comparisons.csv. */
    static String html(Path experimentDir, RunTable table, Table comparisons, String generated) {
        return html(experimentDir, table, comparisons, generated, Extra.none());
    }

    /** As {@link #html(Path, RunTable, Table, String)}, with the search views of {@code extra} after the header. */
    static String html(Path experimentDir, RunTable table, Table comparisons, String generated, Extra extra) {
        RunFiles files = extra.files();
        PageData data = PageData.of(ExperimentInfo.read(experimentDir, table, files), table, comparisons);
        Html out = new Html();
        out.raw("<!DOCTYPE html>").newline();
        out.open("html", "lang", "en").newline().open("head").newline();
        out.empty("meta", "charset", "utf-8").newline();
        // nothing may be fetched: inline styles and data: images only (a browser enforces it)
        out.empty("meta", "http-equiv", "Content-Security-Policy", "content",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:").newline();
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        out.element("title", data.info().name() + " — deepgrid report").newline();
        out.open("style").raw(PageStyle.CSS).close("style").newline(); // raw text in HTML: entities would not be decoded
        out.close("head").newline().open("body").newline();
        List<PointEvents> events = data.points().stream().map(p -> PointEvents.of(p, files)).toList();
        Html views = new Html(); // the diagnostics views first, so that the header links only those present
        EventSection.render(views, data, events);
        Html inside = new Html();
        HistogramSection.render(inside, data, files);
        BoundarySection.render(inside, data, files);
        ConfusionSection.render(inside, data, files);
        // a search's header counts every run; the sections below describe its best configuration
        HeaderSection.render(out, extra.allRuns() == null ? data : PageData.of(data.info(), extra.allRuns(), comparisons),
                generated, present(views.toString() + inside));
        SearchSection.render(out, extra.searches());
        SummarySection.render(out, data);
        ComparisonSection.render(out, data);
        CurveSection.render(out, data, files, events);
        out.raw(views.toString());
        LayerSection.render(out, data, files);
        out.raw(inside.toString());
        config(out, data.info());
        notes(out, files.notes());
        out.close("body").newline().close("html").newline();
        return out.toString();
    }

    /** The diagnostics views that {@code html} has, by section id, in page order. */
    private static java.util.Map<String, String> present(String html) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("events", "Events");
        all.put("histograms", "Histograms");
        all.put("boundaries", "Boundaries");
        all.put("confusion", "Confusion");
        all.keySet().removeIf(id -> !html.contains("<section id=\"" + id + "\">"));
        return all;
    }

    private static void config(Html out, ExperimentInfo info) {
        out.open("section", "id", "config").newline();
        out.element("h2", "Configuration").newline();
        if (info.configRun().isEmpty()) {
            out.element("p", "No run has a readable config.yaml.", "class", "note").newline();
        } else {
            out.open("details").open("summary").text("runs/" + info.configRun() + "/config.yaml").close("summary");
            out.element("p", "The fully resolved file of the first run; the other runs differ in their grid values"
                    + " and seed. Run it alone with deepgrid run config.yaml.", "class", "note");
            out.element("pre", info.configText()).close("details").newline();
        }
        out.close("section").newline();
    }

    private static void notes(Html out, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        out.open("section", "id", "notes").newline().element("h2", "Notes").newline().open("ul").newline();
        notes.forEach(n -> out.element("li", n).newline());
        out.close("ul").newline().close("section").newline();
    }
}
