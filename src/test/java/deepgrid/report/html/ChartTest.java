package deepgrid.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Charts, paths and escaping, read from the SVG text they produce. */
class ChartTest {
    private static final double NAN = Double.NaN;
    private static final double[] EPOCHS = {0, 1, 2, 3, 4};

    @Test
    void missingValuesBreakTheLine() {
        String svg = new Chart("loss", "epoch", Scale.LINEAR)
                .add(Series.line("a", "#000", EPOCHS, new double[] {1, 0.8, NAN, 0.5, 0.4})).svg();
        // y axis 0.4..1 (step 0.1) over 180 px, epochs 0..4 over 340 px
        assertEquals("M0 0 L85 60 M255 150 L340 180", solidPath(svg));
    }

    @Test
    void logScaleLeavesOutZerosAndNegatives() {
        String svg = new Chart("gradient norm", "epoch", Scale.LOG)
                .add(Series.line("layer 1", "#000", EPOCHS, new double[] {0, 1e-4, 1e-3, -1, 1e-2})).svg();
        // axis 1e-4..1e-2: two decades over 180 px
        assertEquals("M85 180 L170 90 M340 0", solidPath(svg));
        assertTrue(svg.contains("r=\"2.5\""), "the lone last point is a dot");
    }

    @Test
    void chartWithoutDrawableValuesIsEmpty() {
        assertTrue(new Chart("validation loss", "epoch", Scale.LINEAR)
                .add(Series.line("a", "#000", EPOCHS, new double[] {NAN, NAN, NAN, NAN, NAN})).isEmpty());
        assertTrue(new Chart("g", "epoch", Scale.LOG).add(Series.line("a", "#000", EPOCHS, new double[5])).isEmpty());
        assertFalse(new Chart("g", "epoch", Scale.LINEAR).add(Series.line("a", "#000", EPOCHS, new double[5])).isEmpty());
    }

    @Test
    void divergedLineStaysOutOfTheRangeAndEndsInACross() {
        String svg = new Chart("loss", "epoch", Scale.LINEAR)
                .add(Series.line("ok", "#111", EPOCHS, new double[] {2, 1.5, 1, 0.8, 0.7}))
                .add(Series.diverged("#111", EPOCHS, new double[] {2, 50, 1e30, Double.POSITIVE_INFINITY, NAN}))
                .svg();
        assertFalse(svg.contains(">50</text>"), "the y axis ends at 2");
        assertTrue(svg.contains("d=\"M0 0 L85 -90 L170 -90\""), "pulled in to half a plot above: " + svg);
        assertTrue(svg.contains("d=\"M167 -3 L173 3 M167 3 L173 -3\""), "cross at the last finite value, on the edge");
        assertTrue(svg.contains(">diverged run</text>"));
    }

    @Test
    void bandIsAClosedOutline() {
        String svg = new Chart("acc", "epoch", Scale.LINEAR).yDomain(0, 1)
                .add(Series.line("a", "#000", new double[] {0, 1}, new double[] {0.5, 0.5})
                        .withBand(new double[] {0.4, 0.4}, new double[] {0.6, 0.6})).svg();
        assertTrue(svg.contains("d=\"M0 72 L340 72 L340 108 L0 108 Z\""), svg);
    }

    @Test
    void labelsAreEscaped() {
        String svg = new Chart("<t>", "epoch", Scale.LINEAR)
                .add(Series.line("a&<b>\"", "#000", EPOCHS, new double[] {1, 2, 3, 4, 5})).svg();
        assertTrue(svg.contains("<title>a&amp;&lt;b&gt;&quot;</title>"));
        assertTrue(svg.contains("aria-label=\"&lt;t&gt;\""));
        assertFalse(svg.contains("<t>") || svg.contains("<b>"));
    }

    @Test
    void seriesNeedMatchingLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.line("s", "#000", EPOCHS, new double[] {1}));
        assertEquals("series 's': x has 5 values, y 1, low 0, high 0", e.getMessage());
    }

    @Test
    void htmlEscapesTextAndAttributes() {
        assertEquals("&lt;b&gt;&amp;x &quot;q&quot; &#39;s&#39;", Html.escape("<b>&x \"q\" 's'"));
        assertEquals("a\uFFFDb", Html.escape("a\u0000b"), "XML has no NUL");
        assertEquals("<td class=\"&lt;x&gt;\">1 &lt; 2</td>", new Html().element("td", "1 < 2", "class", "<x>").toString());
        assertThrows(IllegalArgumentException.class, () -> new Html().open("td", "class"));
    }

    /** The d of the first solid (1.8 px) line. */
    private static String solidPath(String svg) {
        Matcher m = Pattern.compile("<path d=\"([^\"]*)\" fill=\"none\" stroke=\"[^\"]*\" stroke-width=\"1.8\"")
                .matcher(svg);
        assertTrue(m.find(), svg);
        return m.group(1);
    }
}
