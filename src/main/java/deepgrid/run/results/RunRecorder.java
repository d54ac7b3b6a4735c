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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records one run while it trains: metrics.csv and layers.csv grow by whole rows, each
 * epoch in one write call (so a killed process never leaves half a row), and
 * {@link #finish} hands the run to the store.
 */
public final class RunRecorder implements AutoCloseable {
    private final ResultsStore store;
    private final RunSpec run;
    private final Path folder;
    private final OutputStream metrics;
    private final OutputStream layers;
    /** The diagnostics files, each opened (with its header) by its first rows. */
    private final Map<String, OutputStream> diagnostics = new LinkedHashMap<>();

    RunRecorder(ResultsStore store, RunSpec run, Path folder) throws IOException {
        this.store = store;
        this.run = run;
        this.folder = folder;
        this.metrics = new FileOutputStream(folder.resolve("metrics.csv").toFile(), true);
        this.layers = new FileOutputStream(folder.resolve("layers.csv").toFile(), true);
        write(metrics, "metrics.csv", Csv.row(Columns.METRICS));
        write(layers, "layers.csv", Csv.row(Columns.LAYERS));
    }

    public RunSpec run() {
        return run;
    }

    /** Appends one epoch's row to metrics.csv. */
    public void epoch(EpochMetrics m) {
        write(metrics, "metrics.csv", Csv.row(Columns.metricsRow(m)));
    }

    /** Appends one epoch's rows (one per layer) to layers.csv. */
    public void layers(List<LayerMetrics> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(Csv.row(Columns.layerRow(r))));
        write(layers, "layers.csv", text.toString());
    }

    // The diagnostics files (issue 11): each appears with its first rows, every call one write.

    /** Appends one epoch's histograms to histograms.csv. */
    public void histograms(List<Histogram> histograms) {
        List<List<String>> rows = new java.util.ArrayList<>();
        histograms.forEach(h -> rows.addAll(Columns.histogramRows(h)));
        append("histograms.csv", Columns.HISTOGRAMS, rows);
    }

    /** Writes boundary-points.csv: the training samples drawn on the maps. */
    public void boundaryPoints(BoundaryPoints points) {
        append("boundary-points.csv", Columns.BOUNDARY_POINTS, Columns.boundaryPointRows(points));
    }

    /** Appends one epoch's decision boundary to boundary.csv. */
    public void boundary(BoundaryMap map) {
        append("boundary.csv", Columns.BOUNDARY, Columns.boundaryRows(map));
    }

    /** Writes confusion.csv and, when there are any, mistakes.csv. */
    public void confusion(ConfusionMatrix matrix) {
        append("confusion.csv", Columns.CONFUSION, Columns.confusionRows(matrix));
        if (!matrix.mistakes().isEmpty()) {
            int features = matrix.mistakes().get(0).x().length;
            append("mistakes.csv", Columns.mistakesHeader(features), Columns.mistakeRows(matrix));
        }
    }

    /** Appends one training-health event to events.csv. */
    public void event(HealthEvent event) {
        append("events.csv", Columns.EVENTS, List.of(Columns.eventRow(event)));
    }

    /** Writes classes.csv: each class index and its name. */
    public void classes(List<String> names) {
        append("classes.csv", Columns.CLASSES, Columns.classRows(names));
    }

    private void append(String file, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        OutputStream out = diagnostics.get(file);
        if (out == null) {
            try {
                out = new FileOutputStream(folder.resolve(file).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + folder.resolve(file), e);
            }
            diagnostics.put(file, out);
            text.append(Csv.row(header));
        }
        rows.forEach(r -> text.append(Csv.row(r)));
        write(out, file, text.toString());
    }

    /** Closes the CSV files, writes result.csv and moves the run into place. */
    public void finish(RunResult result) throws IOException {
        close();
        store.finish(result, folder);
    }

    private void write(OutputStream out, String file, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(file), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (metrics; layers) {
            // closes both, even if one fails
        } finally {
            closeDiagnostics();
        }
    }

    private void closeDiagnostics() throws IOException {
        IOException first = null;
        for (OutputStream out : diagnostics.values()) {
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
}
