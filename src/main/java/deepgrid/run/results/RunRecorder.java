package deepgrid.run.results;

import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.train.BoundaryMap;
import deepgrid.train.BoundaryPoints;
import deepgrid.train.ConfusionMatrix;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import deepgrid.train.Histogram;
import deepgrid.train.LayerMetrics;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records one run while it trains, in its private in-flight folder: metrics.csv and
 * layers.csv grow by whole rows, written at most once a second (and at the end) so that a
 * run of a few milliseconds costs a few writes, while a long run can still be watched with
 * {@code tail -f}. {@link #finish} writes result.csv and hands the run to the
 * {@link GroupCommit}, which moves it into place; {@link #close} without finishing
 * abandons the run (its folder is removed and its claim released).
 *
 * <p>Every method holds the recorder's lock: a signal abandons the run from another thread
 * (the shutdown hook) while the training thread, which nothing stops, may still be writing.
 * Once abandoned, the recorder drops what it is given, so that no file reappears in the
 * folder being removed.
 */
public final class RunRecorder implements AutoCloseable {
    /** How often buffered rows reach the files while a run trains. */
    private static final long FLUSH_NANOS = 1_000_000_000L;

    private final ResultsFolder folder;
    private final RunSpec run;
    private final Claims.Held claim;
    private final Path inflight;
    private final Output metrics;
    private final Output layers;
    /** The diagnostics files (issue 11), each opened, with its header, by its first rows. */
    private final Map<String, Output> diagnostics = new LinkedHashMap<>();
    private long lastFlush = System.nanoTime();
    private boolean handedOver;
    private boolean abandoned;

    RunRecorder(ResultsFolder folder, RunSpec run, Claims.Held claim, Path inflight) throws IOException {
        this.folder = folder;
        this.run = run;
        this.claim = claim;
        this.inflight = inflight;
        this.metrics = new Output(inflight.resolve(ResultsFolder.METRICS_CSV), Csv.row(Columns.METRICS));
        this.layers = new Output(inflight.resolve(ResultsFolder.LAYERS_CSV), Csv.row(Columns.LAYERS));
    }

    public RunSpec run() {
        return run;
    }

    /** True once another process has taken this run over: training should stop, its result would be dropped. */
    public boolean lost() {
        return claim.lost();
    }

    /** Adds one epoch's row to metrics.csv. */
    public synchronized void epoch(EpochMetrics m) {
        if (abandoned) {
            return;
        }
        metrics.add(Csv.row(Columns.metricsRow(m)));
        flushIfDue();
    }

    /** Adds one epoch's rows (one per layer) to layers.csv. */
    public synchronized void layers(List<LayerMetrics> rows) {
        if (abandoned) {
            return;
        }
        rows.forEach(r -> layers.add(Csv.row(Columns.layerRow(r))));
        flushIfDue();
    }

    // The diagnostics files (issue 11): each appears with its first rows.

    /** Adds one epoch's histograms to histograms.csv. */
    public synchronized void histograms(List<Histogram> histograms) {
        List<List<String>> rows = new ArrayList<>();
        histograms.forEach(h -> rows.addAll(Columns.histogramRows(h)));
        add("histograms.csv", Columns.HISTOGRAMS, rows);
    }

    /** Writes boundary-points.csv: the training samples drawn on the maps. */
    public synchronized void boundaryPoints(BoundaryPoints points) {
        add("boundary-points.csv", Columns.BOUNDARY_POINTS, Columns.boundaryPointRows(points));
    }

    /** Adds one epoch's decision boundary to boundary.csv. */
    public synchronized void boundary(BoundaryMap map) {
        add("boundary.csv", Columns.BOUNDARY, Columns.boundaryRows(map));
    }

    /** Writes confusion.csv and, when there are any, mistakes.csv. */
    public synchronized void confusion(ConfusionMatrix matrix) {
        add("confusion.csv", Columns.CONFUSION, Columns.confusionRows(matrix));
        if (!matrix.mistakes().isEmpty()) {
            int features = matrix.mistakes().get(0).x().length;
            add("mistakes.csv", Columns.mistakesHeader(features), Columns.mistakeRows(matrix));
        }
    }

    /** Adds one training-health event to events.csv. */
    public synchronized void event(HealthEvent event) {
        add("events.csv", Columns.EVENTS, List.of(Columns.eventRow(event)));
    }

    /** Writes classes.csv: each class index and its name. */
    public synchronized void classes(List<String> names) {
        add("classes.csv", Columns.CLASSES, Columns.classRows(names));
    }

    private void add(String file, List<String> header, List<List<String>> rows) {
        if (abandoned) {
            return;
        }
        Output out = diagnostics.get(file);
        if (out == null) {
            try {
                out = new Output(inflight.resolve(file), Csv.row(header));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + inflight.resolve(file) + ": " + e.getMessage(), e);
            }
            diagnostics.put(file, out);
        }
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(Csv.row(r)));
        out.add(text.toString());
        flushIfDue();
    }

    /** Closes the diagnostics files, every one even if one fails. */
    private void closeDiagnostics() throws IOException {
        IOException first = null;
        for (Output out : diagnostics.values()) {
            try {
                out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        diagnostics.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * Writes the last rows and result.csv, and hands the run to the group commit; returns at
     * once. {@code recorded} gets null once the run folder is in place, else why it is not.
     */
    public synchronized void finish(RunResult result, Consumer<Throwable> recorded) throws IOException {
        if (abandoned) {
            throw new IOException("run " + run.id() + " was abandoned (the process is stopping); not recorded");
        }
        metrics.close();
        layers.close();
        closeDiagnostics();
        Map<String, String> row = Columns.runRow(result);
        String text = Csv.row(new ArrayList<>(row.keySet())) + Csv.row(new ArrayList<>(row.values()));
        Path resultCsv = inflight.resolve(ResultsFolder.RESULT_CSV);
        java.nio.file.Files.writeString(resultCsv, text);
        RunRecord record = RunRecord.of(resultCsv, row);
        handedOver = true;
        GroupCommit.get().submit(new GroupCommit.Pending(folder, claim, inflight, record, recorded));
    }

    private void flushIfDue() {
        long now = System.nanoTime();
        if (now - lastFlush >= FLUSH_NANOS) {
            metrics.flush();
            layers.flush();
            diagnostics.values().forEach(Output::flush);
            lastFlush = now;
        }
    }

    /** Abandons the run unless it was handed over: closes its files, removes its folder, releases its claim. */
    @Override
    public synchronized void close() throws IOException {
        if (handedOver || abandoned) {
            return;
        }
        abandoned = true;
        try (Output m = metrics; Output l = layers) {
            closeDiagnostics(); // all closed, even if one fails
        } finally {
            AtomicFiles.deleteTree(inflight);
            claim.release();
        }
    }

    /** A CSV file that grows by whole rows, buffered between flushes. */
    private static final class Output implements AutoCloseable {
        private final Path file;
        private final OutputStream out;
        private final StringBuilder buffer = new StringBuilder();

        Output(Path file, String header) throws IOException {
            this.file = file;
            this.out = new FileOutputStream(file.toFile(), true);
            buffer.append(header);
        }

        void add(String row) {
            buffer.append(row);
        }

        void flush() {
            if (buffer.length() == 0) {
                return;
            }
            try {
                out.write(buffer.toString().getBytes(StandardCharsets.UTF_8)); // whole rows in one call
                buffer.setLength(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } catch (UncheckedIOException e) {
                out.close();
                throw e.getCause();
            }
            out.close();
        }
    }
}
