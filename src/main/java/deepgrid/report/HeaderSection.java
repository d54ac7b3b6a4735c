package deepgrid.report;

import deepgrid.report.html.Html;
import deepgrid.run.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top of the page: name, description, how the runs ended, the grid (each path and its
 * values), the headline metric, and the one line that says when the page was generated.
 */
final class HeaderSection {
    /** The class of the generated-time line: the only line that differs between two builds of the same folder. */
    static final String GENERATED = "generated";

    private HeaderSection() {
    }

    static void render(Html out, PageData data, String generated) {
        render(out, data, generated, java.util.Map.of());
    }

    /** The header, whose navigation also links {@code views} (section id → title) after "Inside the network". */
    static void render(Html out, PageData data, String generated, java.util.Map<String, String> views) {
        ExperimentInfo info = data.info();
        out.open("header").newline();
        out.element("h1", info.name()).newline();
        if (!info.description().isBlank()) {
            out.element("p", info.description(), "class", "description").newline();
        }
        out.element("p", runCounts(data), "class", "counts").newline();
        grid(out, data);
        out.element("p", "Headline metric: final " + Headline.words(data.headline().metric())
                + " (after each run's last epoch). Runs that diverged or failed are counted but left out of"
                + " every mean, band and test.", "class", "note").newline();
        out.element("p", "Generated " + generated, "class", GENERATED).newline();
        nav(out, views);
        out.close("header").newline();
    }

    private static String runCounts(PageData data) {
        List<RunRow> runs = data.table().rows();
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = runs.stream().filter(r -> r.status() == s).count();
            if (n > 0 || s != Status.PRUNED) { // pruned runs come from searches only
                parts.add(n + " " + s.csvName());
            }
        }
        Set<Long> seeds = new TreeSet<>();
        runs.forEach(r -> seeds.add(r.seed()));
        int points = data.points().size();
        return runs.size() + " finished runs: " + String.join(", ", parts) + " · " + points + " grid point"
                + (points == 1 ? "" : "s") + " · seed" + (seeds.size() == 1 ? " " : "s ")
                + String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    private static void grid(Html out, PageData data) {
        List<String> paths = data.table().gridColumns();
        if (paths.isEmpty() && !data.hasVariants()) {
            return;
        }
        out.open("table", "class", "grid").newline();
        if (data.hasVariants()) {
            gridRow(out, "variant", data.points().stream().map(GridPoint::variant).toList());
        }
        for (int k = 0; k < paths.size(); k++) {
            int column = k;
            gridRow(out, paths.get(k), data.points().stream().map(p -> p.values().get(column)).toList());
        }
        out.close("table").newline();
    }

    private static void gridRow(Html out, String path, List<String> values) {
        out.open("tr").element("th", path).element("td", String.join(", ", new LinkedHashSet<>(values)))
                .close("tr").newline();
    }

    private static void nav(Html out, java.util.Map<String, String> views) {
        out.open("nav");
        String[][] links = {{"summary", "Summary"}, {"comparisons", "Comparisons"}, {"curves", "Curves"},
            {"layers", "Inside the network"}, {"config", "Configuration"}};
        for (String[] link : links) {
            out.element("a", link[1], "href", "#" + link[0]);
            if (link[0].equals("layers")) {
                views.forEach((id, title) -> out.element("a", title, "href", "#" + id));
            }
        }
        out.close("nav").newline();
    }
}
