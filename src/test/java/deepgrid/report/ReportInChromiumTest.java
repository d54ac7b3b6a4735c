package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deepgrid.data.sources.DataLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report pages of the diagnostics examples, opened in headless Chromium (skipped when no
 * Chromium is installed: apt-get install chromium): the browser's DOM has each new view, and
 * the page loads nothing from outside itself — every src and href is a data: URI or an anchor,
 * the page's Content-Security-Policy forbids the rest, and the browser reports no refused load.
 * The examples run shortened with --set, as a user would try them.
 */
class ReportInChromiumTest {
    @TempDir
    static Path dir;
    private static String chromium;

    @BeforeAll
    static void findChromium() {
        chromium = Stream.of(System.getenv("DEEPGRID_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome").filter(p -> p != null && Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    /** What the browser made of a page: its DOM after parsing, and what it logged. */
    record Opened(String dom, String log) {
        int count(String text) {
            return dom.split(Pattern.quote(text), -1).length - 1;
        }
    }

    private static Path run(String example, String name, String... sets) {
        return deepgrid.diagnostics.Runs.run(Path.of("experiments", example), dir, name, sets).dir().resolve("report.html");
    }

    private static Opened open(Path page) throws IOException, InterruptedException {
        assumeTrue(chromium != null, "no Chromium (apt-get install chromium)");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path log = dir.resolve("chromium-" + page.getParent().getFileName() + ".log");
        List<String> cmd = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr",
                "--log-level=0", "--dump-dom", page.toUri().toString()); // level 0 logs the console: CSP refusals

        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        return new Opened(dom, Files.readString(log));
    }

    /** Nothing outside the page: every src/href is data: or #anchor, the CSP is in place, nothing refused. */
    private static void selfContained(Opened o) {
        Matcher m = Pattern.compile("\\b(src|href)=\"([^\"]*)\"").matcher(o.dom());
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(m.group(2).startsWith("data:") || m.group(2).startsWith("#"), "loads " + m.group(2));
        }
        assertTrue(links > 0, "the page has anchors and images to check");
        assertTrue(o.dom().contains("Content-Security-Policy") && o.dom().contains("default-src 'none'"), "CSP");
        assertTrue(!o.dom().contains("url(") && !o.dom().contains("@import"), "no style loads anything");
        assertTrue(!o.log().contains(":CONSOLE") && !o.log().contains("net::ERR"), "the browser complained:\n" + o.log());
        assertTrue(o.dom().contains("</html>"), "the whole page was parsed");
    }

    @Test
    void theCheckCatchesAPageThatLoadsSomething() throws Exception {
        Path bad = dir.resolve("bad/report.html");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
                + " 'none'; img-src data:\"></head><body><a href=\"#x\">x</a><img src=\"http://example.com/a.png\"></body></html>");
        Opened o = open(bad);
        assertTrue(o.log().contains(":CONSOLE") && o.log().contains("Content Security Policy"), "the browser refused it:\n"
                + o.log());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> selfContained(o));
    }

    @Test
    void initializationFigureHasOneRowPerGridPointAndOneColumnPerLayer() throws Exception {
        Opened o = open(run("init-histograms.yaml", "init-histograms"));
        selfContained(o);
        assertTrue(o.dom().contains("<section id=\"histograms\">"));
        assertEquals(8 * 5, o.count("class=\"hist\""), "8 grid points × 5 activation layers at epoch 0");
        assertTrue(o.dom().contains("<th>layer 2</th>") && o.dom().contains("<th>layer 10</th>"), "a column per layer");
        assertEquals(20, o.count(">sigmoid</text>"), "4 sigmoid rows × 5 layers, each cell named (the columns mix kinds)");
        assertTrue(o.dom().contains("<section id=\"events\">") && o.dom().contains("saturated at layer 2 sigmoid"),
                "std 1 saturates from epoch 0");
    }

    @Test
    void spiralBoundariesShowAMapPerEpochWithTheTrainingPoints() throws Exception {
        Opened o = open(run("spiral-boundaries.yaml", "spiral-boundaries", "training.epochs=20",
                "diagnostics.boundary.epochs=[0, 10, last]"));
        selfContained(o);
        assertTrue(o.dom().contains("<section id=\"boundaries\">"));
        assertEquals(3 * 3, o.count("<image href=\"data:image/png;base64,"), "3 activations × epochs 0, 10, 20");
        assertEquals(3 * 3 * 240, o.count("<circle "), "the 240 training points on every map");
        assertTrue(o.dom().contains("<section id=\"confusion\">") && o.count("class=\"confusion\"") == 3);
        assertTrue(o.dom().contains("<a href=\"#boundaries\">"), "the header links the view");
    }

    @Test
    void brokenOnPurposeMarksItsEventsOnTheCurves() throws Exception {
        Opened o = open(run("broken-on-purpose.yaml", "broken-on-purpose", "training.epochs=15"));
        selfContained(o);
        assertTrue(o.dom().contains("<section id=\"events\">"));
        for (String event : List.of("diverging", "update_ratio_high", "dead_units", "vanishing_gradients",
                "update_ratio_low")) {
            assertTrue(o.dom().contains("<td>" + event), event);
        }
        assertTrue(o.count("class=\"event-mark\"") > 10, "▼ marks on the curves");
    }

    @Test
    void fashionMnistShowsItsConfusionMatrixAndTheMostConfidentlyWrongImages() throws Exception {
        assumeTrue(DataLocations.scan(Path.of("").toAbsolutePath()).stream()
                .anyMatch(d -> d.source().equals("fashion-mnist") && d.isFound()), "Fashion-MNIST is not installed");
        Opened o = open(run("fashion-mnist-mlp.yaml", "fashion-mnist-mlp", "data.limit=3000", "training.epochs=1"));
        selfContained(o);
        assertTrue(o.dom().contains("<th>Ankle boot</th>"), "class names from classes.csv");
        assertEquals(10, o.count("<figure class=\"thumb\"><img src=\"data:image/png;base64,"), "ten mistakes");
        assertEquals(2, o.count("class=\"hist\""), "one ReLU layer at epochs 0 and 1");
    }
}
