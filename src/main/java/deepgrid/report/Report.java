package deepgrid.report;

import deepgrid.WriteFailure;
import deepgrid.run.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Rebuilds the derived files of a results folder from its run folders alone, so it can be
 * run at any time: during an experiment (in-flight runs are ignored), after it, or after
 * runs were added or deleted by hand. Every file is replaced atomically.
 */
public final class Report {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private Report() {
    }

    /**
     * Reads {@code experimentDir/runs/*}{@code /result.csv}, in the plan order that runs.csv
     * records, and writes summary.csv, comparisons.csv and report.html beside them (the page
     * also reads each run's metrics.csv, layers.csv and config.yaml), and rebuilds the files
     * of every search folder.
     * For a search, summary.csv, comparisons.csv and the page's curves describe each search's
     * best configuration ({@link SearchResults#bestRuns}).
     *
     * @throws DeepgridException if the folder is missing or has no finished run, if a
     *                           result.csv is damaged (naming the file), or if writing fails
     */
    public static ReportFiles rebuild(Path experimentDir) {
        return build(experimentDir, RunTable.read(experimentDir));
    }

    /**
     * As {@link #rebuild(Path)}, with the plan order given ({@link RunTable#read(Path, List)}):
     * what the queue calls while runs.csv still lists runs in the order they finished, so the
     * files are the same whatever that order (and the same as {@code deepgrid report} writes later).
     */
    public static ReportFiles rebuild(Path experimentDir, List<String> planOrder) {
        return build(experimentDir, RunTable.read(experimentDir, planOrder));
    }

    private static ReportFiles build(Path experimentDir, RunTable all) {
        RunFiles files = new RunFiles();
        SearchResults.All searches = SearchResults.rebuild(experimentDir, files);
        RunTable table = searches.isEmpty() ? all : all.only(SearchResults.bestRuns(searches)); // a search: its best
        Table summary = Summary.of(table);
        Table comparisons = Comparisons.of(table);
        Path summaryFile = write(experimentDir.resolve("summary.csv"), summary.csv());
        Path comparisonsFile = write(experimentDir.resolve("comparisons.csv"), comparisons.csv());
        String page = ReportPage.html(experimentDir, table, comparisons, ZonedDateTime.now().format(TIME),
                new ReportPage.Extra(files, searches, searches.isEmpty() ? null : all));
        Path htmlFile = write(experimentDir.resolve("report.html"), page);
        return new ReportFiles(summaryFile, comparisonsFile, htmlFile, all.rows().size(), summary.rows().size(),
                comparisons.rows().size());
    }

    private static Path write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
            return file;
        } catch (IOException e) {
            throw new WriteFailure(file, e); // exit 1: the disk, not the user's files
        }
    }
}
