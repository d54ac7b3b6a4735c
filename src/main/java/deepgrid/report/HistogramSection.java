package deepgrid.report;

import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The textbook's weight-initialization figure, from histograms.csv: for each recorded epoch,
 * small multiples with one row per grid point (its first completed run) and one column per
 * activation layer, each a histogram of that layer's outputs on the probe batch over the
 * activation's fixed bins. Bars of one row share their scale, as in the book's figures;
 * ReLU's exact zeros, and values beyond the bins, are given in words under the bars.
 */
final class HistogramSection {
    private static final int WIDTH = 150;
    private static final int PLOT = 56;
    private static final int HEIGHT = PLOT + 30;

    /** One layer's histogram: its kind, each bin's edges and count. */
    record Histogram(String kind, List<double[]> edges, long[] counts) {
        long total() {
            return java.util.Arrays.stream(counts).sum();
        }

        boolean regular(int i) {
            double[] e = edges.get(i);
            return Double.isFinite(e[0]) && Double.isFinite(e[1]) && e[1] > e[0];
        }
    }

    /** A point's histograms by epoch, then by layer position. */
    private record PointHistograms(GridPoint point, int color, Optional<RunRow> run,
            Map<Integer, Map<Integer, Histogram>> byEpoch) {
    }

    private HistogramSection() {
    }

    static void render(Html out, PageData data, RunFiles files) {
        List<PointHistograms> points = new ArrayList<>();
        for (int i = 0; i < data.points().size(); i++) {
            GridPoint p = data.points().get(i);
            Optional<RunRow> run = ChosenRun.with(p, "histograms.csv");
            points.add(new PointHistograms(p, i, run, run.map(r -> read(files.read(r, "histograms.csv")))
                    .orElse(Map.of())));
        }
        TreeSet<Integer> epochs = new TreeSet<>();
        points.forEach(p -> epochs.addAll(p.byEpoch().keySet()));
        if (epochs.isEmpty()) {
            return;
        }
        out.open("section", "id", "histograms").newline();
        out.element("h2", "Activation histograms").newline();
        out.element("p", "Each activation layer's outputs on the probe batch (histograms.csv), one row per grid point"
                + " (its first completed run), one column per layer, over fixed bins: sigmoid [0, 1], tanh [−1, 1],"
                + " the ReLU family [0, 5]. Bars in a row share one scale. Saturated sigmoids pile up at 0 and 1;"
                + " outputs that all sit near one value mean every unit says the same thing.", "class", "note").newline();
        for (int epoch : epochs) {
            figure(out, data, points, epoch);
        }
        out.close("section").newline();
    }

    private static void figure(Html out, PageData data, List<PointHistograms> points, int epoch) {
        TreeMap<Integer, TreeSet<String>> layers = new TreeMap<>(); // layer → the kinds its rows have there
        points.forEach(p -> p.byEpoch().getOrDefault(epoch, Map.of()).forEach((l, h) -> layers.computeIfAbsent(l,
                k -> new TreeSet<>()).add(h.kind())));
        out.element("h3", "Epoch " + epoch + (epoch == 0 ? " (before training)" : "")).newline();
        out.open("div", "class", "wide").open("table", "class", "multiples").newline().open("tr").element("th", "");
        layers.forEach((l, kinds) -> out.element("th", "layer " + l + (kinds.size() == 1 ? " " + kinds.first() : "")));
        out.close("tr").newline();
        for (PointHistograms p : points) {
            Map<Integer, Histogram> row = p.byEpoch().getOrDefault(epoch, Map.of());
            if (row.isEmpty()) {
                continue;
            }
            double top = row.values().stream().mapToDouble(HistogramSection::largestRegular).max().orElse(1);
            out.open("tr").open("th").raw(SummarySection.swatch(data.color(p.color()))).text(" " + p.point().label())
                    .close("th");
            for (int l : layers.keySet()) {
                out.open("td");
                if (row.containsKey(l)) {
                    out.raw(svg(row.get(l), top, layers.get(l).size() > 1)); // a mixed column names each cell's kind
                }
                out.close("td");
            }
            out.close("tr").newline();
        }
        out.close("table").close("div").newline();
    }

    /** The largest fraction in a regular bin (the row's bars are scaled to the largest of these). */
    private static double largestRegular(Histogram h) {
        double top = 0;
        for (int i = 0; i < h.counts().length; i++) {
            if (h.regular(i)) {
                top = Math.max(top, (double) h.counts()[i] / Math.max(1, h.total()));
            }
        }
        return top;
    }

    private static String svg(Histogram h, double top, boolean named) {
        List<Integer> regular = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        long total = Math.max(1, h.total());
        for (int i = 0; i < h.counts().length; i++) {
            if (h.regular(i)) {
                regular.add(i);
            } else {
                extras.add(extra(h.edges().get(i)) + ": " + Fmt.sig(100.0 * h.counts()[i] / total, 2) + "%");
            }
        }
        Html svg = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "hist", "viewBox",
                "0 0 " + WIDTH + " " + HEIGHT, "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT),
                "role", "img", "aria-label", "histogram of " + h.kind(), "font-size", "9",
                "font-family", "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif");
        double barWidth = (double) (WIDTH - 10) / Math.max(1, regular.size());
        for (int k = 0; k < regular.size(); k++) {
            int i = regular.get(k);
            double f = (double) h.counts()[i] / total;
            double height = top > 0 ? Math.min(1, f / top) * PLOT : 0;
            svg.empty("rect", "x", Fmt.px(5 + k * barWidth), "y", Fmt.px(4 + PLOT - height), "width",
                    Fmt.px(Math.max(0.5, barWidth - 0.6)), "height", Fmt.px(height), "fill", "#4c72b0");
        }
        if (named) {
            svg.element("text", h.kind(), "x", Integer.toString(WIDTH - 5), "y", "12", "text-anchor", "end", "fill", "#444");
        }
        String base = Fmt.px(4 + PLOT);
        svg.empty("line", "x1", "5", "x2", Integer.toString(WIDTH - 5), "y1", base, "y2", base, "stroke", "#888");
        if (!regular.isEmpty()) {
            String y = Fmt.px(4 + PLOT + 10);
            svg.element("text", Fmt.tick(h.edges().get(regular.get(0))[0]), "x", "5", "y", y, "fill", "#444");
            svg.element("text", Fmt.tick(h.edges().get(regular.get(regular.size() - 1))[1]), "x",
                    Integer.toString(WIDTH - 5), "y", y, "text-anchor", "end", "fill", "#444");
        }
        if (!extras.isEmpty()) {
            svg.element("text", String.join(" · ", extras), "x", "5", "y", Fmt.px(4 + PLOT + 22), "fill", "#444");
        }
        return svg.close("svg").toString();
    }

    /** The name of a bin that is not drawn as a bar: "0" (exactly), "<0", ">5". */
    private static String extra(double[] e) {
        if (e[0] == e[1]) {
            return Fmt.tick(e[0]);
        }
        return Double.isInfinite(e[0]) ? "<" + Fmt.tick(e[1]) : ">" + Fmt.tick(e[0]);
    }

    /** histograms.csv rows → epoch → layer → histogram, bins in file order. */
    static Map<Integer, Map<Integer, Histogram>> read(List<Map<String, String>> rows) {
        Map<Integer, Map<Integer, List<Map<String, String>>>> grouped = new TreeMap<>();
        for (Map<String, String> r : rows) {
            double epoch = RunFiles.number(r, "epoch");
            double layer = RunFiles.number(r, "layer");
            if (Double.isFinite(epoch) && Double.isFinite(layer)) {
                grouped.computeIfAbsent((int) epoch, e -> new TreeMap<>()).computeIfAbsent((int) layer,
                        l -> new ArrayList<>()).add(r);
            }
        }
        Map<Integer, Map<Integer, Histogram>> out = new TreeMap<>();
        grouped.forEach((epoch, layers) -> layers.forEach((layer, bins) -> {
            List<double[]> edges = new ArrayList<>();
            long[] counts = new long[bins.size()];
            for (int i = 0; i < bins.size(); i++) {
                edges.add(new double[] {edge(bins.get(i), "bin_low", Double.NEGATIVE_INFINITY),
                    edge(bins.get(i), "bin_high", Double.POSITIVE_INFINITY)});
                double c = RunFiles.number(bins.get(i), "count");
                counts[i] = Double.isFinite(c) ? (long) c : 0;
            }
            out.computeIfAbsent(epoch, e -> new TreeMap<>()).put(layer,
                    new Histogram(bins.get(0).getOrDefault("kind", ""), edges, counts));
        }));
        return out;
    }

    private static double edge(Map<String, String> row, String column, double unbounded) {
        double v = RunFiles.number(row, column);
        return Double.isNaN(v) ? unbounded : v;
    }
}
