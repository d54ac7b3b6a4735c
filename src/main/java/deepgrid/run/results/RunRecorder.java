package deepgrid.run.results;

import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.train.EpochMetrics;
import deepgrid.train.LayerMetrics;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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
        }
    }
}
