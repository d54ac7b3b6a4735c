package deepgrid.report;

import java.nio.file.Path;

/**
 * What {@link Report#rebuild} wrote: the three files, how many finished runs it read, how
 * many grid points summary.csv has, and how many rows comparisons.csv has.
 */
public record ReportFiles(Path summary, Path comparisons, Path html, int runs, int points, int comparisonRows) {
}
