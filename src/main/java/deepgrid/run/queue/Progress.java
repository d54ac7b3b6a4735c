package deepgrid.run.queue;

import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal one live line (runs done/total, current run and
 * epoch, ETA), otherwise one plain line per finished run. Thread-safe.
 */
public final class Progress {
    private final PrintWriter out;
    private final int total;
    private final int jobs;
    private final boolean live;
    private final long start = System.nanoTime();
    private int done;
    private int trained;

    /** Progress of {@code total} runs on {@code jobs} threads, written to {@code out}. */
    public Progress(PrintWriter out, int total, int jobs, Mode mode) {
        this.out = out;
        this.total = total;
        this.jobs = jobs;
        this.live = mode == Mode.LIVE;
    }

    /** LIVE redraws one line (a terminal); LINES prints a line per event (a log file, CI). */
    public enum Mode { LIVE, LINES }

    public synchronized void skipped(RunSpec run) {
        done++;
    }

    public synchronized void epoch(RunSpec run, EpochMetrics m, int epochs) {
        if (live) {
            out.printf(Locale.ROOT, "\r[%d/%d] %s epoch %d/%d%s\033[K", done, total, run.id(), m.epoch(), epochs, eta());
            out.flush();
        }
    }

    /** One line per training-health event, as it happens: "run-id: epoch 3, layer 1 dense(100): vanishing_gradients: ...". */
    public synchronized void event(RunSpec run, HealthEvent e) {
        out.printf(Locale.ROOT, "%s%s: %s%n", live ? "\r\033[K" : "", run.id(), e.describe());
        out.flush();
    }

    public synchronized void finished(RunResult r) {
        done++;
        trained++;
        String metric = r.last() == null ? "" : metric(r);
        out.printf(Locale.ROOT, "%s[%d/%d] %s %s%s (%.1f s)%s%n", live ? "\r\033[K" : "", done, total,
                r.status().csvName(), r.run().id(), metric, r.seconds(), r.reason().isEmpty() ? "" : ": " + r.reason());
        out.flush();
    }

    private static String metric(RunResult r) {
        var last = r.last();
        double acc = !Double.isNaN(last.test().accuracy()) ? last.test().accuracy() : last.validation().accuracy();
        String name = !Double.isNaN(last.test().accuracy()) ? "test_accuracy" : "val_accuracy";
        if (Double.isNaN(acc)) {
            return String.format(Locale.ROOT, " train_loss=%.4g", last.train().loss());
        }
        return String.format(Locale.ROOT, " %s=%.4f", name, acc);
    }

    private String eta() {
        if (trained == 0) {
            return "";
        }
        double perRun = (System.nanoTime() - start) / 1e9 / trained;
        long s = Math.round(perRun * (total - done) / jobs);
        return String.format(Locale.ROOT, ", ETA %dm%02ds", s / 60, s % 60);
    }
}
