package deepgrid.report;

import java.util.List;

/**
 * Everything the page's sections share: the experiment, its finished runs and grid points
 * (in the order of summary.csv), the headline metric, and comparisons.csv. A grid point's
 * colour is the same in every table and chart of the page.
 */
record PageData(ExperimentInfo info, RunTable table, List<GridPoint> points, Headline headline, Table comparisons) {
    PageData {
        points = List.copyOf(points);
    }

    static PageData of(ExperimentInfo info, RunTable table, Table comparisons) {
        return new PageData(info, table, GridPoint.group(table), Headline.of(table.rows()), comparisons);
    }

    String color(int point) {
        return deepgrid.report.html.Palette.distinct(point);
    }

    /** Whether any run belongs to a named variant (the tables then show a variant column). */
    boolean hasVariants() {
        return points.stream().anyMatch(p -> !p.variant().isEmpty());
    }
}
