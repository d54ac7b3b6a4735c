package deepgrid.report.html;

/** Draws one series' line in the plot area: solid, or dashed with a cross where a diverged run ended. */
final class Lines {
    private Lines() {
    }

    static void solid(Html svg, Paths paths, Series s) {
        String d = paths.line(s.x(), s.y());
        if (d.isEmpty()) {
            return;
        }
        svg.open("path", "d", d, "fill", "none", "stroke", s.color(), "stroke-width", "1.8",
                "stroke-linejoin", "round", "stroke-linecap", "round");
        svg.element("title", s.label()).close("path"); // the label on hover
        dots(svg, paths, s);
    }

    static void diverged(Html svg, Paths paths, Series s) {
        String d = paths.line(s.x(), s.y());
        if (d.isEmpty()) {
            return;
        }
        svg.empty("path", "d", d, "fill", "none", "stroke", s.color(), "stroke-width", "1",
                "stroke-dasharray", "4 3", "stroke-opacity", "0.85");
        int last = lastDrawable(paths, s);
        svg.empty("path", "d", paths.cross(s.x()[last], s.y()[last]), "stroke", s.color(), "stroke-width", "1.6");
    }

    /** A dot for every point that has no neighbour to join (a line of one point would not show). */
    private static void dots(Html svg, Paths paths, Series s) {
        double[] x = s.x();
        double[] y = s.y();
        for (int i = 0; i < x.length; i++) {
            boolean alone = paths.drawable(x, y, i) && (i == 0 || !paths.drawable(x, y, i - 1))
                    && (i == x.length - 1 || !paths.drawable(x, y, i + 1));
            if (alone) {
                svg.empty("circle", "cx", Fmt.px(paths.px(x[i])), "cy", Fmt.px(paths.py(y[i])), "r", "2.5",
                        "fill", s.color());
            }
        }
    }

    private static int lastDrawable(Paths paths, Series s) {
        double[] x = s.x();
        double[] y = s.y();
        for (int i = x.length - 1; i > 0; i--) {
            if (paths.drawable(x, y, i)) {
                return i;
            }
        }
        return 0;
    }
}
