package deepgrid.run.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports are rebuilt off the critical path: in the background at most so often, always at the end, failures only warn. */
class ReportSchedulerTest {
    @Test
    void everyTouchedFolderIsRebuiltAtTheEndAndAFailureIsOneWarning() {
        List<Path> rebuilt = Collections.synchronizedList(new ArrayList<>());
        StringWriter err = new StringWriter();
        Path good = Path.of("results/good");
        Path bad = Path.of("results/bad");
        try (ReportScheduler s = new ReportScheduler(dir -> {
            if (dir.equals(bad)) {
                throw new deepgrid.DeepgridException(dir + " has no finished runs");
            }
            rebuilt.add(dir);
        }, 60_000, new PrintWriter(err, true))) {
            s.changed(good);
            s.changed(bad);
            s.changed(good);
        }
        assertEquals(List.of(good), rebuilt, "once, at the end: the background waits a minute");
        assertEquals("deepgrid: warning: could not rebuild the report of results/bad: results/bad has no finished runs\n",
                err.toString());
    }

    @Test
    void inTheBackgroundAFolderIsRebuiltWhileRunsGoOn() throws Exception {
        List<Path> rebuilt = Collections.synchronizedList(new ArrayList<>());
        Path dir = Path.of("results/x");
        try (ReportScheduler s = new ReportScheduler(rebuilt::add, 50, new PrintWriter(new StringWriter()))) {
            s.changed(dir);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (rebuilt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(rebuilt.contains(dir), "rebuilt before the end");
        }
    }
}
