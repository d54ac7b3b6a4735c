package deepgrid.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A free-form chart as inline SVG, for views that are not one line per group (a search's
 * trials as dots, error bars, parallel coordinates): a title, two {@link Axis}es with ticks
 * and light grid lines (or named positions on x), and marks added in drawing order. Every
 * mark may carry a tooltip ({@code <title>}). Nothing outside the SVG is needed.
 * Use: {@code new Plot(...)}, add marks, {@link #svg}.
 */
public final class Plot {
    static final int LEFT = 62;
    static final int TOP = 26;
    static final int WIDTH = 420;
    static final int HEIGHT = 210;
    static final int BOTTOM = 44;
    static final int RIGHT = 16;

    private final String title;
    private final Axis x;
    private final Axis y;
    private final String xLabel;
    private final String yLabel;
    private List<String> xNames = List.of();
    private boolean yTicks = true;
    private final List<String> marks = new ArrayList<>();

    public Plot(String title, Axis x, String xLabel, Axis y, String yLabel) {
        this.title = title;
        this.x = x;
        this.y = y;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Names the x positions 0, 1, …, n − 1 (a categorical axis) instead of numeric ticks. */
    public Plot xNames(List<String> names) {
        this.xNames = List.copyOf(names);
        return this;
    }

    /** Leaves out the y tick labels and grid (parallel coordinates label each axis itself). */
    public Plot noYTicks() {
        this.yTicks = false;
        return this;
    }

    /** The x coordinate of value v in the SVG. */
    public double px(double v) {
        return LEFT + clamp(x.fraction(v)) * WIDTH;
    }

    /** The y coordinate of value v in the SVG. */
    public double py(double v) {
        return TOP + (1 - clamp(y.fraction(v))) * HEIGHT;
    }

    /** A light band over x from x0 to x1 (a phase), with its name at the top. */
    public Plot band(double x0, double x1, String color, String name) {
        double a = px(x0);
        double b = px(x1);
        Html h = new Html().empty("rect", "x", Fmt.px(a), "y", Integer.toString(TOP), "width", Fmt.px(Math.max(0, b - a)),
                "height", Integer.toString(HEIGHT), "fill", color, "fill-opacity", "0.12");
        h.element("text", name, "x", Fmt.px((a + b) / 2), "y", Integer.toString(TOP + 11), "text-anchor", "middle",
                "fill", "#666", "font-size", "10");
        marks.add(h.toString());
        return this;
    }

    /** A vertical line at x (a rung). */
    public Plot vline(double vx, String color, String tooltip) {
        String p = Fmt.px(px(vx));
        marks.add(new Html().open("line", "x1", p, "x2", p, "y1", Integer.toString(TOP), "y2", Integer.toString(TOP + HEIGHT),
                "stroke", color, "stroke-dasharray", "3 3").element("title", tooltip).close("line").toString());
        return this;
    }

    /** A polyline through the finite points, broken at gaps. */
    public Plot line(double[] xs, double[] ys, String color, double width, double opacity, String tooltip) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!drawable(xs[i], ys[i])) {
                pen = false;
                continue;
            }
            d.append(d.length() == 0 ? "" : " ").append(pen ? "L" : "M").append(Fmt.px(px(xs[i]))).append(' ')
                    .append(Fmt.px(py(ys[i])));
            pen = true;
        }
        if (d.length() > 0) {
            Html h = new Html().open("path", "d", d.toString(), "fill", "none", "stroke", color, "stroke-width",
                    Double.toString(width), "stroke-opacity", Double.toString(opacity), "stroke-linejoin", "round");
            marks.add((tooltip.isEmpty() ? h : h.element("title", tooltip)).close("path").toString());
        }
        return this;
    }

    /** A dot: filled, or hollow (a ring) for a run that did not complete. */
    public Plot dot(double vx, double vy, String color, boolean hollow, String tooltip) {
        if (!drawable(vx, vy)) {
            return this;
        }
        marks.add(new Html().open("circle", "cx", Fmt.px(px(vx)), "cy", Fmt.px(py(vy)), "r", "3.6",
                "fill", hollow ? "#fff" : color, "stroke", color, "stroke-width", "1.4").element("title", tooltip)
                .close("circle").toString());
        return this;
    }

    /** A small × (a run stopped by the pruner). */
    public Plot cross(double vx, double vy, String color, String tooltip) {
        if (!drawable(vx, vy)) {
            return this;
        }
        double cx = px(vx);
        double cy = py(vy);
        String d = "M" + Fmt.px(cx - 3) + " " + Fmt.px(cy - 3) + " L" + Fmt.px(cx + 3) + " " + Fmt.px(cy + 3) + " M"
                + Fmt.px(cx - 3) + " " + Fmt.px(cy + 3) + " L" + Fmt.px(cx + 3) + " " + Fmt.px(cy - 3);
        marks.add(new Html().open("path", "d", d, "stroke", color, "stroke-width", "1.6").element("title", tooltip)
                .close("path").toString());
        return this;
    }

    /** A vertical error bar from lo to hi with a dot at mid (a mean and its confidence interval). */
    public Plot errorBar(double vx, double mid, double lo, double hi, String color, String tooltip) {
        if (drawable(vx, lo) && drawable(vx, hi)) {
            String cx = Fmt.px(px(vx));
            String w0 = Fmt.px(px(vx) - 6);
            String w1 = Fmt.px(px(vx) + 6);
            String d = "M" + cx + " " + Fmt.px(py(lo)) + " L" + cx + " " + Fmt.px(py(hi)) + " M" + w0 + " " + Fmt.px(py(lo))
                    + " L" + w1 + " " + Fmt.px(py(lo)) + " M" + w0 + " " + Fmt.px(py(hi)) + " L" + w1 + " " + Fmt.px(py(hi));
            marks.add(new Html().empty("path", "d", d, "stroke", color, "stroke-width", "1.5", "fill", "none").toString());
        }
        return dot(vx, mid, color, false, tooltip);
    }

    /** Text at a value position (anchor start, middle or end). */
    public Plot text(double vx, double vy, String text, String anchor) {
        marks.add(new Html().element("text", text, "x", Fmt.px(px(vx)), "y", Fmt.px(py(vy)), "text-anchor", anchor,
                "fill", "#444", "font-size", "10").toString());
        return this;
    }

    public String svg() {
        int width = LEFT + WIDTH + RIGHT;
        int height = TOP + HEIGHT + BOTTOM;
        Html svg = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart",
                "viewBox", "0 0 " + width + " " + height, "width", Integer.toString(width),
                "height", Integer.toString(height), "role", "img", "aria-label", title,
                "font-family", "-apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
                "font-size", "11");
        svg.element("text", title, "x", "4", "y", "15", "font-weight", "600", "font-size", "12");
        axes(svg);
        svg.open("svg", "x", Integer.toString(LEFT - 4), "y", Integer.toString(TOP - 4), "width",
                Integer.toString(WIDTH + 8), "height", Integer.toString(HEIGHT + 8), "viewBox",
                (LEFT - 4) + " " + (TOP - 4) + " " + (WIDTH + 8) + " " + (HEIGHT + 8), "overflow", "hidden");
        marks.forEach(svg::raw);
        svg.close("svg");
        return svg.close("svg").toString();
    }

    private void axes(Html svg) {
        if (yTicks) {
            for (double t : y.ticks()) {
                String p = Fmt.px(py(t));
                svg.empty("line", "x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT + WIDTH), "y1", p, "y2", p,
                        "stroke", "#e4e4e4");
                svg.element("text", Fmt.tick(t), "x", Integer.toString(LEFT - 5), "y", p, "dy", "0.32em",
                        "text-anchor", "end", "fill", "#444");
            }
        }
        String bottom = Integer.toString(TOP + HEIGHT);
        if (xNames.isEmpty()) {
            for (double t : x.ticks()) {
                xTick(svg, px(t), Fmt.tick(t));
            }
        } else {
            for (int i = 0; i < xNames.size(); i++) {
                xTick(svg, px(i), xNames.get(i));
            }
        }
        svg.empty("path", "d", "M" + LEFT + " " + TOP + " V" + bottom + " H" + (LEFT + WIDTH), "fill", "none",
                "stroke", "#888");
        svg.element("text", xLabel, "x", Integer.toString(LEFT + WIDTH / 2), "y", Integer.toString(TOP + HEIGHT + 34),
                "text-anchor", "middle", "fill", "#444");
        svg.element("text", yLabel, "x", "12", "y", Integer.toString(TOP + HEIGHT / 2), "text-anchor", "middle",
                "fill", "#444", "transform", "rotate(-90 12 " + (TOP + HEIGHT / 2) + ")");
    }

    private void xTick(Html svg, double at, String label) {
        String p = Fmt.px(at);
        svg.empty("line", "x1", p, "x2", p, "y1", Integer.toString(TOP + HEIGHT), "y2", Integer.toString(TOP + HEIGHT + 4),
                "stroke", "#888");
        svg.element("text", label, "x", p, "y", Integer.toString(TOP + HEIGHT + 15), "text-anchor", "middle", "fill", "#444");
    }

    private boolean drawable(double vx, double vy) {
        return x.scale().accepts(vx) && y.scale().accepts(vy);
    }

    /** Values far off the axis are pulled in to just outside it (the clip hides them). */
    private static double clamp(double fraction) {
        return Math.min(Math.max(fraction, -0.5), 1.5);
    }
}
