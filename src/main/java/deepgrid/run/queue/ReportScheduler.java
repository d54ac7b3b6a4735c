package deepgrid.run.queue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps the derived files of each results folder (summary, comparisons, report page)
 * current without slowing the runs: a background thread rebuilds a folder after new runs
 * were recorded there, at most every {@code everyMillis} and never sooner than four times
 * the last rebuild took (so rebuilding a large folder costs at most a quarter of a core),
 * and {@link #close} rebuilds every touched folder once more at the end. A failed rebuild is
 * a warning on stderr (once per folder and message) and never stops the queue: the runs
 * themselves are recorded already.
 */
final class ReportScheduler implements AutoCloseable {
    private final Consumer<Path> rebuild;
    private final long everyMillis;
    private final PrintWriter err;
    private final Set<Path> changed = new LinkedHashSet<>();
    private final Set<Path> touched = new LinkedHashSet<>();
    private final Set<String> warned = new LinkedHashSet<>();
    private final Thread thread;
    private boolean closed;

    ReportScheduler(Consumer<Path> rebuild, long everyMillis, PrintWriter err) {
        this.rebuild = rebuild;
        this.everyMillis = everyMillis;
        this.err = err;
        this.thread = new Thread(this::loop, "deepgrid-report");
        thread.setDaemon(true);
        thread.start();
    }

    /** New runs were recorded in {@code dir}. */
    synchronized void changed(Path dir) {
        changed.add(dir);
        touched.add(dir);
    }

    private void loop() {
        long pause = everyMillis;
        while (true) {
            Set<Path> now;
            synchronized (this) {
                try {
                    long until = System.nanoTime() + pause * 1_000_000;
                    for (long left = pause; left > 0 && !closed; left = (until - System.nanoTime()) / 1_000_000) {
                        wait(left);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                now = new LinkedHashSet<>(changed);
                changed.clear();
            }
            long t0 = System.nanoTime();
            now.forEach(this::rebuildOne);
            pause = Math.max(everyMillis, 4 * (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void rebuildOne(Path dir) {
        try {
            rebuild.accept(dir);
        } catch (RuntimeException e) {
            String message = "deepgrid: warning: could not rebuild the report of " + dir + ": " + e.getMessage();
            synchronized (this) {
                if (warned.add(message)) {
                    err.println(message);
                    err.flush();
                }
            }
        }
    }

    /** Stops the background thread and rebuilds every folder that got runs, on the calling thread. */
    @Override
    public void close() {
        Set<Path> all;
        synchronized (this) {
            closed = true;
            notifyAll();
            all = new LinkedHashSet<>(touched);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(this::rebuildOne);
    }
}
