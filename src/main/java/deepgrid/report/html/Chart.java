package deepgrid.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as inline SVG: a title, a y axis (linear or log) with nice ticks and light
 * grid lines, an x axis counting whole steps from 0 (epochs), the series with their bands,
 * and a legend on the right. The SVG scales to its container (viewBox) and needs nothing
 * outside itself. Use: {@code new Chart(...)}, {@link #add} each series, {@link #svg}.
 */
public final class Chart {
    static final int LEFT = 54;
    static final int TOP = 26;
    static final int PLOT_WIDTH = 340;
    static final int PLOT_HEIGHT = 180;
    static final int BOTTOM = 36;
    /** Room left around the plot's clipping box, so a line along an edge is not cut in half. */
    private static final int PAD = 3;

    private final String title;
    private final String xLabel;
    private final Scale yScale;
    private final List<Series> series = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private double[] yDomain = new double[0];

    public Chart(String title, String xLabel, Scale yScale) {
        this.title = title;
        this.xLabel = xLabel;
        this.yScale = yScale;
    }

    /** Fixes the y range instead of fitting it to the data, e.g. [0, 1] for fractions. */
    public Chart yDomain(double lo, double hi) {
        yDomain = new double[] {lo, hi};
        return this;
    }

    public Chart add(Series s) {
        series.add(s);
        return this;
    }

    /** Marks a moment on a line, e.g. the epoch of a training-health event. */
    public Chart mark(Mark m) {
        marks.add(m);
        return this;
    }

    /** Whether no series has a single point to draw (e.g. no validation split, or a log chart of zeros). */
    public boolean isEmpty() {
        return series.stream().noneMatch(s -> java.util.Arrays.stream(s.y()).anyMatch(yScale::accepts));
    }

    public String svg() {
        Axis x = Axis.epochs((int) Math.ceil(maxX()));
        Axis y = yAxis();
        Legend legend = new Legend(series);
        int width = LEFT + PLOT_WIDTH + legend.width();
        int height = Math.max(TOP + PLOT_HEIGHT + BOTTOM, TOP + legend.height());
        Html svg = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart",
                "viewBox", "0 0 " + width + " " + height, "width", Integer.toString(width),
                "height", Integer.toString(height), "role", "img", "aria-label", title,
                "font-family", "-apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif", "font-size", "11");
        svg.element("text", title, "x", "4", "y", "15", "font-weight", "600", "font-size", "12");
        axes(svg, x, y);
        plot(svg, new Paths(x, y, PLOT_WIDTH, PLOT_HEIGHT));
        legend.draw(svg, LEFT + PLOT_WIDTH + 14, TOP);
        return svg.close("svg").toString();
    }

    private Axis yAxis() {
        if (yDomain.length == 2) {
            List<Double> ticks = yScale == Scale.LOG ? Ticks.log(yDomain[0], yDomain[1])
                    : Ticks.linear(yDomain[0], yDomain[1], 5, 0);
            return new Axis(yScale, ticks.get(0), ticks.get(ticks.size() - 1), ticks);
        }
        boolean anyLine = series.stream().anyMatch(s -> s.stroke() == Stroke.LINE);
        double min = Double.NaN;
        double max = Double.NaN;
        for (Series s : series) {
            if (s.stroke() == Stroke.LINE || !anyLine) { // diverged runs set the range only when alone
                for (double[] values : List.of(s.y(), s.low(), s.high())) {
                    for (double v : values) {
                        if (yScale.accepts(v)) {
                            min = Double.isNaN(min) ? v : Math.min(min, v);
                            max = Double.isNaN(max) ? v : Math.max(max, v);
                        }
                    }
                }
            }
        }
        return Axis.fit(yScale, min, max);
    }

    private double maxX() {
        return series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).filter(Double::isFinite)
                .max().orElse(1);
    }

    /** Grid lines, tick labels, the axis lines and the x axis' name. */
    private void axes(Html svg, Axis x, Axis y) {
        Paths at = new Paths(x, y, PLOT_WIDTH, PLOT_HEIGHT);
        for (double t : y.ticks()) {
            String py = Fmt.px(TOP + at.py(t));
            svg.empty("line", "x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT + PLOT_WIDTH), "y1", py,
                    "y2", py, "stroke", "#e4e4e4");
            svg.element("text", Fmt.tick(t), "x", Integer.toString(LEFT - 5), "y", py, "dy", "0.32em",
                    "text-anchor", "end", "fill", "#444");
        }
        String bottom = Integer.toString(TOP + PLOT_HEIGHT);
        for (double t : x.ticks()) {
            String px = Fmt.px(LEFT + at.px(t));
            svg.empty("line", "x1", px, "x2", px, "y1", bottom, "y2", Integer.toString(TOP + PLOT_HEIGHT + 4),
                    "stroke", "#888");
            svg.element("text", Fmt.tick(t), "x", px, "y", Integer.toString(TOP + PLOT_HEIGHT + 15),
                    "text-anchor", "middle", "fill", "#444");
        }
        svg.empty("path", "d", "M" + LEFT + " " + TOP + " V" + bottom + " H" + (LEFT + PLOT_WIDTH), "fill", "none",
                "stroke", "#888");
        svg.element("text", xLabel, "x", Integer.toString(LEFT + PLOT_WIDTH / 2),
                "y", Integer.toString(TOP + PLOT_HEIGHT + 30), "text-anchor", "middle", "fill", "#444");
    }

    /** Bands first (behind), then lines, in a nested svg that clips what leaves the plot. */
    private void plot(Html svg, Paths paths) {
        svg.open("svg", "x", Integer.toString(LEFT - PAD), "y", Integer.toString(TOP - PAD),
                "width", Integer.toString(PLOT_WIDTH + 2 * PAD), "height", Integer.toString(PLOT_HEIGHT + 2 * PAD),
                "viewBox", -PAD + " " + -PAD + " " + (PLOT_WIDTH + 2 * PAD) + " " + (PLOT_HEIGHT + 2 * PAD),
                "overflow", "hidden");
        for (Series s : series) {
            String band = paths.band(s.x(), s.low(), s.high());
            if (!band.isEmpty()) {
                svg.empty("path", "d", band, "fill", s.color(), "fill-opacity", "0.15", "stroke", "none");
            }
        }
        series.stream().filter(s -> s.stroke() == Stroke.DIVERGED).forEach(s -> Lines.diverged(svg, paths, s));
        series.stream().filter(s -> s.stroke() == Stroke.LINE).forEach(s -> Lines.solid(svg, paths, s));
        for (Mark m : marks) {
            if (Double.isFinite(m.x()) && paths.drawable(new double[] {m.x()}, new double[] {m.y()}, 0)) {
                double px = paths.px(m.x());
                double py = paths.py(m.y());
                svg.open("path", "d", "M" + Fmt.px(px - 4.5) + " " + Fmt.px(py - 10) + " L" + Fmt.px(px + 4.5) + " "
                        + Fmt.px(py - 10) + " L" + Fmt.px(px) + " " + Fmt.px(py - 2.5) + " Z", "fill", m.color(),
                        "stroke", "#222", "stroke-width", "0.8", "class", "event-mark");
                svg.element("title", m.label()).close("path");
            }
        }
        svg.close("svg");
    }
}
