package deepgrid.report.html;

/**
 * SVG path data for a series on given axes: lines broken where a value is missing, bands
 * as closed outlines, crosses. Coordinates are relative to the plot area; values far off
 * the axis are pulled in to just outside it (the plot area clips them), so a diverged
 * loss of 1e30 cannot produce absurd coordinates.
 */
final class Paths {
    private final Axis x;
    private final Axis y;
    private final double width;
    private final double height;

    Paths(Axis x, Axis y, double width, double height) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    double px(double vx) {
        return clamp(x.fraction(vx)) * width;
    }

    double py(double vy) {
        return (1 - clamp(y.fraction(vy))) * height;
    }

    /** Whether point i can be drawn: finite x, and y on the y scale. */
    boolean drawable(double[] xs, double[] ys, int i) {
        return Double.isFinite(xs[i]) && y.scale().accepts(ys[i]);
    }

    /** "M x y L x y ..." with a new M after every gap. */
    String line(double[] xs, double[] ys) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!drawable(xs, ys, i)) {
                pen = false;
                continue;
            }
            d.append(d.length() == 0 ? "" : " ").append(pen ? "L" : "M").append(point(xs[i], ys[i]));
            pen = true;
        }
        return d.toString();
    }

    /** One closed outline per stretch where both edges exist: along the top, back along the bottom. */
    String band(double[] xs, double[] low, double[] high) {
        StringBuilder d = new StringBuilder();
        int i = 0;
        if (low.length == 0) {
            return "";
        }
        while (i < xs.length) {
            int start = i;
            while (i < xs.length && drawable(xs, low, i) && drawable(xs, high, i)) {
                i++;
            }
            if (i - start >= 2) {
                d.append(d.length() == 0 ? "" : " ").append(outline(xs, low, high, start, i));
            }
            i = Math.max(i, start + 1);
        }
        return d.toString();
    }

    /** A small ×, centred on a point, kept inside the plot area. */
    String cross(double vx, double vy) {
        double cx = px(vx);
        double cy = Math.min(Math.max(py(vy), 0), height);
        return "M" + Fmt.px(cx - 3) + " " + Fmt.px(cy - 3) + " L" + Fmt.px(cx + 3) + " " + Fmt.px(cy + 3)
                + " M" + Fmt.px(cx - 3) + " " + Fmt.px(cy + 3) + " L" + Fmt.px(cx + 3) + " " + Fmt.px(cy - 3);
    }

    private String outline(double[] xs, double[] low, double[] high, int from, int to) {
        StringBuilder d = new StringBuilder("M").append(point(xs[from], high[from]));
        for (int k = from + 1; k < to; k++) {
            d.append(" L").append(point(xs[k], high[k]));
        }
        for (int k = to - 1; k >= from; k--) {
            d.append(" L").append(point(xs[k], low[k]));
        }
        return d.append(" Z").toString();
    }

    private String point(double vx, double vy) {
        return Fmt.px(px(vx)) + " " + Fmt.px(py(vy));
    }

    /** Half a plot beyond either edge is far enough to leave the visible area at the right angle. */
    private static double clamp(double fraction) {
        return Math.min(Math.max(fraction, -0.5), 1.5);
    }
}
