package deepgrid.run.queue;

import deepgrid.run.RunSpec;
import deepgrid.run.results.RunRecord;
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
    private final int jobs;
    private final boolean live;
    private final long start = System.nanoTime();
    private int total;
    private int done;
    private int trained;
    private boolean lineOpen;

    /** Progress of {@code total} runs on {@code jobs} threads, written to {@code out}. */
    public Progress(PrintWriter out, int total, int jobs, Mode mode) {
        this.out = out;
        this.total = total;
        this.jobs = jobs;
        this.live = mode == Mode.LIVE;
    }

    /** LIVE redraws one line (a terminal); LINES prints a line per event (a log file, CI). */
    public enum Mode { LIVE, LINES }

    /** The total grew (a search proposed more runs than it planned). */
    public synchronized void total(int runs) {
        total = Math.max(total, runs);
    }

    public synchronized void skipped(RunSpec run) {
        done++;
    }

    public synchronized void epoch(RunSpec run, EpochMetrics m, int epochs) {
        if (live) {
            out.printf(Locale.ROOT, "\r[%d/%d] %s: %s epoch %d/%d%s\033[K", done, total, run.spec().name(), run.id(),
                    m.epoch(), epochs, eta());
            out.flush();
            lineOpen = true;
        }
    }

    /** One line per training-health event, as it happens: "run-id: epoch 3, layer 1 dense(100): vanishing_gradients: ...". */
    public synchronized void event(RunSpec run, HealthEvent e) {
        out.printf(Locale.ROOT, "%s%s: %s%n", lineOpen ? "\r\033[K" : "", run.id(), e.describe());
        out.flush();
        lineOpen = false;
    }

    /** A run ended: {@code by} says who trained it when it was not this process ("" for this one). */
    public synchronized void finished(String experiment, RunRecord r, String by) {
        done++;
        trained += by.isEmpty() ? 1 : 0;
        String reason = r.cell("reason");
        out.printf(Locale.ROOT, "%s[%d/%d] %s: %s %s%s (%s s%s)%s%n", live ? "\r\033[K" : "", done, total, experiment,
                r.status().csvName(), r.id(), metric(r), r.cell("seconds"), by, reason.isEmpty() ? "" : ": " + reason);
        out.flush();
        lineOpen = false;
    }

    /** A run was not trained this time ({@link Launcher.Kind#LOST}): {@code why} says what became of its trainer. */
    public synchronized void lost(String experiment, RunSpec run, String why) {
        done++;
        out.printf(Locale.ROOT, "%s[%d/%d] %s: not trained %s%s%n", live ? "\r\033[K" : "", done, total, experiment,
                run.id(), why.isEmpty() ? "" : ": " + why);
        out.flush();
        lineOpen = false;
    }

    /** Prints a line of news (a launcher's), ending an open live line first. */
    public synchronized void note(String line) {
        endLine();
        out.println(line);
        out.flush();
    }

    /** Ends an open live line (before any other message). */
    public synchronized void endLine() {
        if (lineOpen) {
            out.print("\r\033[K");
            out.flush();
            lineOpen = false;
        }
    }

    private static String metric(RunRecord r) {
        for (String name : new String[] {"test_accuracy", "val_accuracy"}) {
            if (!r.cell(name).isEmpty()) {
                return String.format(Locale.ROOT, " %s=%.4f", name, r.number(name));
            }
        }
        return r.cell("train_loss").isEmpty() ? "" : String.format(Locale.ROOT, " train_loss=%.4g", r.number("train_loss"));
    }

    private String eta() {
        if (trained == 0) {
            return "";
        }
        double perRun = (System.nanoTime() - start) / 1e9 / trained;
        long s = Math.round(perRun * Math.max(0, total - done) / jobs);
        return String.format(Locale.ROOT, ", ETA %dm%02ds", s / 60, s % 60);
    }
}
