package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deepgrid.run.ResultsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search views of report.html as a browser sees them: headless Chromium (Debian's
 * {@code chromium}; skipped where it is not installed) loads the page of a small search with
 * pruning, confirmation and grid × search, with background networking off and a fresh
 * profile. Every view must be in the DOM it builds (as many SVG charts as the page has), every
 * CSV a view links to must exist, and the page must load nothing but itself: the network log
 * holds no request other than the file and the browser's own service calls, which the page
 * does not make.
 */
class ReportChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Chromium's own calls home (update, time, accounts), made with or without a page. */
    private static final Pattern BROWSER_SERVICE = Pattern.compile("https?://[a-z0-9.-]*(google\\.com|googleapis\\.com"
            + "|gvt1\\.com|gstatic\\.com)/.*");

    @TempDir
    Path tmp;

    @Test
    void everySearchViewRendersInChromiumAndThePageLoadsNothingFromOutside() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        Path file = Files.writeString(tmp.resolve("views.yaml"), deepgrid.run.grid.SearchRunTest.FILE
                .replace("name: tiny-search", "name: views") + "grid:\n  model.layers[*].activation: [relu, tanh]\n");
        ResultsCheck.Cli c = ResultsCheck.Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "--jobs", "2");
        assertEquals(0, c.code(), c.err());
        Path exp = tmp.resolve("out/views");
        Path page = exp.resolve("report.html");
        String source = Files.readString(page);

        Path net = tmp.resolve("net.json");
        List<String> cmd = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--log-net-log=" + net, "--dump-dom", page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile())
                .redirectOutput(tmp.resolve("dom.html").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("chromium.err")));
        String dom = Files.readString(tmp.resolve("dom.html"));

        assertEquals(count(source, "<svg "), count(dom, "<svg "), "every chart is in the DOM Chromium built");
        for (String view : List.of("Optimisation history", "Learning curves of the trials", "Budget: epochs spent",
                "Slice: optimizer.lr (log)", "Slice: model.layers[0].dense (log)", "Parallel coordinates",
                "Confirmation on fresh seeds", "Tuned against tuned")) {
            assertTrue(dom.contains("aria-label=\"" + view), view + " is drawn");
        }
        assertTrue(dom.contains("Parameter importance") && dom.contains("class=\"verdict\""), "importance and verdicts");
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"#]+\\.csv)\"").matcher(dom);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertTrue(links.size() > 10, links.toString());
        for (String link : links) {
            assertTrue(Files.isRegularFile(exp.resolve(link)), "the view's CSV exists: " + link);
        }

        Matcher urls = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(Files.readString(net));
        while (urls.find()) {
            String url = urls.group(1);
            assertTrue(url.startsWith("file://") || BROWSER_SERVICE.matcher(url).matches(), "the page loaded " + url);
        }
        assertFalse(Pattern.compile("https?:").matcher(source.replace("http://www.w3.org/2000/svg", "")).find(),
                "no link out of the page");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
