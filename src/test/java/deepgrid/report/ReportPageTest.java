package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a fabricated relu-vs-"&lt;b&gt;&amp;x" experiment without a validation split:
 * 3 completed runs per point (one relu run stopped early, after 3 of 5 epochs), a diverged
 * run in the second point and a failed one, without any file but result.csv, in the first.
 */
class ReportPageTest {
    static final String ACT = "model.layers[*].activation";
    static final String NASTY = "<b>&x";
    static final String NASTY_HTML = "&lt;b&gt;&amp;x";

    @TempDir
    Path dir;
    private String page;

    @BeforeEach
    void fabricate() throws IOException {
        Results r = new Results(dir, ACT);
        String config = EpochFiles.config("act & <friends>", "Does <script>alert(1)</script> help?");
        for (int s = 1; s <= 3; s++) {
            int last = s == 3 ? 3 : 5;
            r.run("", "relu").file("metrics.csv", EpochFiles.metrics(last, 2 + 0.1 * s))
                    .file("layers.csv", EpochFiles.layers(last)).file("config.yaml", config).write(s, 0.9, 0.3);
        }
        r.run("", "relu").set("status", "failed").set("reason", "out of memory").write(4, Double.NaN, Double.NaN);
        for (int s = 1; s <= 3; s++) {
            r.run("", NASTY).file("metrics.csv", EpochFiles.metrics(5, 3 + 0.1 * s))
                    .file("layers.csv", EpochFiles.layers(5)).file("config.yaml", config).write(s, 0.7 + 0.01 * s, 0.6);
        }
        r.run("", NASTY).set("status", "diverged").set("epochs", "3").file("metrics.csv", EpochFiles.diverged(3))
                .write(4, Double.NaN, Double.NaN);
        r.writeRunsCsv();
        Report.rebuild(dir);
        page = Files.readString(dir.resolve("report.html"));
    }

    @Test
    void hasEverySection() {
        for (String id : List.of("summary", "comparisons", "curves", "layers", "config")) {
            assertTrue(page.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(page.contains("<h1>act &amp; &lt;friends&gt;</h1>"), "the name from config.yaml");
        assertTrue(page.contains("8 finished runs: 6 completed, 1 diverged, 1 failed · 2 grid points · seeds 1, 2, 3, 4"));
        assertTrue(page.contains("<tr><th>" + ACT + "</th><td>relu, " + NASTY_HTML + "</td></tr>"), "grid values");
        assertTrue(page.contains("<h2>Comparisons: test accuracy</h2>"), "the headline metric");
    }

    @Test
    void userTextIsEscapedEverywhere() {
        assertFalse(page.contains(NASTY), "raw grid value");
        assertFalse(page.contains("<script"), "raw description");
        assertTrue(page.contains("Does &lt;script&gt;alert(1)&lt;/script&gt; help?"));
        assertTrue(section("summary").contains("<td>" + NASTY_HTML + "</td>"));
        assertTrue(section("curves").contains("<title>" + NASTY_HTML + "</title>"), "legend tooltip");
    }

    @Test
    void bestPointIsMarkedAndComparisonHasAVerdict() {
        assertTrue(section("summary").contains("<tr class=\"point best\"><td><span class=\"swatch\" "
                + "style=\"background:#1f77b4\"></span> ★</td><td>relu</td>"), section("summary"));
        assertTrue(section("summary").contains("<code>relu_s4-0000abcd</code> failed after 5 epochs: out of memory"));
        // 0.9 against 0.71, 0.72, 0.73 on seeds 1-3: b − a = −0.18 ± 0.01, t = −31.2, df = 2
        assertTrue(section("comparisons").contains("<td>relu better than " + NASTY_HTML + " by 0.18 (p = 0.001)</td>"),
                section("comparisons"));
    }

    @Test
    void oneLineWithABandPerPointInEveryChartThatHasValues() {
        String curves = section("curves");
        List<String> charts = List.of("train loss", "train accuracy", "test loss", "test accuracy");
        for (String chart : charts) {
            assertTrue(curves.contains("aria-label=\"" + chart + "\""), chart);
        }
        assertEquals(charts.size(), count(curves, "<svg xmlns"));
        assertEquals(2 * charts.size(), count(curves, "stroke-width=\"1.8\""), "one mean line per point and chart");
        assertEquals(2 * charts.size(), count(curves, "fill-opacity=\"0.15\""), "one band per point and chart");
    }

    @Test
    void emptyValidationColumnsGiveNoChartAndNoNaN() {
        assertFalse(page.contains("aria-label=\"validation"), "no validation chart");
        assertTrue(section("curves").contains("No values, so no chart, for: validation loss, validation accuracy"));
        assertFalse(page.contains("NaN"));
        assertFalse(page.contains("Infinity"));
    }

    @Test
    void divergedRunIsDashedWithACrossAndOutOfTheRange() {
        String trainLoss = chart(section("curves"), "train loss");
        assertEquals(1, count(trainLoss, "stroke-dasharray=\"4 3\" stroke-opacity"), "the diverged run's line");
        assertTrue(trainLoss.contains(">diverged run</text>"), "legend entry");
        // its losses reach 200; the completed runs' at most 3.3, so the axis stops at 3.5
        String yTick = "text-anchor=\"end\" fill=\"#444\">";
        assertTrue(trainLoss.contains(yTick + "3.5</text>") && !trainLoss.contains(yTick + "4</text>"), trainLoss);
    }

    @Test
    void layerDiagnosticsPerPointFromItsFirstRunBySeed() {
        String layers = section("layers");
        assertEquals(2, count(layers, "<details"));
        assertTrue(layers.contains("run relu_s1-0000abcd (seed 1, completed)"));
        assertTrue(layers.contains("gradient norm 0.0005 at layer 1 dense(4), 0.5 at layer 3 dense(2): 1000× smaller"
                + " at the input end (vanishing gradients). Dead units: up to 25% (layer 2 relu)."), layers);
        for (String chart : List.of("gradient norm (log)", "update / weight ratio (log)", "activation std",
                "dead fraction")) {
            assertTrue(layers.contains("aria-label=\"" + chart + "\""), chart);
        }
        assertFalse(layers.contains("aria-label=\"saturated fraction\""), "no sigmoid or tanh layer");
    }

    @Test
    void sameFolderSamePageButForTheTimeLine() throws IOException {
        Report.rebuild(dir);
        String again = Files.readString(dir.resolve("report.html"));
        assertEquals(1, page.lines().filter(l -> l.contains("class=\"generated\"")).count());
        assertEquals(withoutTime(page), withoutTime(again));
    }

    @Test
    void isWellFormedXml() throws Exception {
        PageChecks.assertWellFormed(page);
    }

    static String withoutTime(String html) {
        return String.join("\n", html.lines().filter(l -> !l.contains("class=\"generated\"")).toList());
    }

    private String section(String id) {
        int start = page.indexOf("<section id=\"" + id + "\">");
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String chart(String html, String title) {
        int start = html.indexOf("aria-label=\"" + title + "\"");
        return html.substring(start, html.indexOf("</svg></figure>", start));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
