package deepgrid.report.html;

import java.util.List;
import java.util.Locale;

/** Colours: distinct ones for things compared side by side, a light-to-dark ramp for things in order. */
public final class Palette {
    /** Tableau 10 (as in matplotlib) and two more; told apart on screen and on a colour print. */
    private static final List<String> DISTINCT = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a");
    /** Viridis at 0, 1/4, 1/2, 3/4 (stopping short of its pale yellow end, which vanishes on white). */
    private static final int[][] RAMP = {{0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c},
        {0x5e, 0xc9, 0x62}, {0xb5, 0xde, 0x2b}};

    private Palette() {
    }

    /** The i-th distinct colour (0-based); after twelve they repeat. */
    public static String distinct(int i) {
        return DISTINCT.get(i % DISTINCT.size());
    }

    /** Colour {@code i} of {@code n} along the ramp: the first dark purple, the last yellow-green. */
    public static String ramp(int i, int n) {
        double t = n <= 1 ? 0 : (double) i / (n - 1) * (RAMP.length - 1);
        int k = Math.min((int) Math.floor(t), RAMP.length - 2);
        double f = t - k;
        StringBuilder hex = new StringBuilder("#");
        for (int c = 0; c < 3; c++) {
            long v = Math.round(RAMP[k][c] + f * (RAMP[k + 1][c] - RAMP[k][c]));
            hex.append(String.format(Locale.ROOT, "%02x", v));
        }
        return hex.toString();
    }
}
