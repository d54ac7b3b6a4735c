package deepgrid.run.results;

import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.train.EpochMetrics;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Records one run while it trains: metrics.csv grows one whole row per write call (so a
 * killed process never leaves half a row), and {@link #finish} hands the run to the store.
 */
public final class RunRecorder implements AutoCloseable {
    private final ResultsStore store;
    private final RunSpec run;
    private final Path folder;
    private final OutputStream metrics;

    RunRecorder(ResultsStore store, RunSpec run, Path folder) throws IOException {
        this.store = store;
        this.run = run;
        this.folder = folder;
        this.metrics = new FileOutputStream(folder.resolve("metrics.csv").toFile(), true);
        write(Csv.row(Columns.METRICS));
    }

    public RunSpec run() {
        return run;
    }

    /** Appends one epoch's row. */
    public void epoch(EpochMetrics m) {
        write(Csv.row(Columns.metricsRow(m)));
    }

    /** Closes metrics.csv, writes result.csv and moves the run into place. */
    public void finish(RunResult result) throws IOException {
        metrics.close();
        store.finish(result, folder);
    }

    private void write(String line) {
        try {
            metrics.write(line.getBytes(StandardCharsets.UTF_8));
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve("metrics.csv"), e);
        }
    }

    @Override
    public void close() throws IOException {
        metrics.close();
    }
}
