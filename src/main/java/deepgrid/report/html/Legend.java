package deepgrid.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The legend beside a chart's plot: one entry per labelled line, in the order added, and
 * one grey entry for diverged runs when there are any. Long labels are shortened with an
 * ellipsis; the whole label stays in a tooltip.
 */
final class Legend {
    private static final int ROW = 15;
    private static final int MAX_CHARS = 32;
    /** Average advance of an 11px sans-serif character; enough to size the legend column. */
    private static final double CHAR_WIDTH = 6.2;

    private record Entry(String label, String color, Stroke stroke) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Legend(List<Series> series) {
        for (Series s : series) {
            if (s.stroke() == Stroke.LINE && !s.label().isEmpty()) {
                entries.add(new Entry(s.label(), s.color(), Stroke.LINE));
            }
        }
        if (series.stream().anyMatch(s -> s.stroke() == Stroke.DIVERGED)) {
            entries.add(new Entry("diverged run", "#666", Stroke.DIVERGED));
        }
    }

    int width() {
        int chars = entries.stream().mapToInt(e -> Math.min(e.label().length(), MAX_CHARS)).max().orElse(0);
        return chars == 0 ? 10 : 14 + 26 + (int) Math.ceil(chars * CHAR_WIDTH) + 8;
    }

    int height() {
        return entries.size() * ROW + 4;
    }

    void draw(Html svg, int x, int y) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String cy = Integer.toString(y + i * ROW + 6);
            svg.open("g");
            svg.element("title", e.label());
            svg.empty("line", "x1", Integer.toString(x), "x2", Integer.toString(x + 20), "y1", cy, "y2", cy,
                    "stroke", e.color(), "stroke-width", e.stroke() == Stroke.LINE ? "2.5" : "1",
                    "stroke-dasharray", e.stroke() == Stroke.LINE ? "none" : "4 3");
            if (e.stroke() == Stroke.DIVERGED) {
                svg.empty("path", "d", "M" + (x + 17) + " " + (y + i * ROW + 3) + " l6 6 m-6 0 l6 -6", "stroke",
                        e.color(), "stroke-width", "1.6");
            }
            svg.element("text", shorten(e.label()), "x", Integer.toString(x + 26), "y", cy, "dy", "0.32em",
                    "fill", "#222");
            svg.close("g");
        }
    }

    private static String shorten(String label) {
        return label.length() <= MAX_CHARS ? label : label.substring(0, MAX_CHARS - 1) + "…";
    }
}
