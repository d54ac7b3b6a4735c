package deepgrid.report;

import java.util.List;

/** One row of comparisons.csv, read back as values (NaN for an empty number cell). */
record Comparison(String path, String valueA, String valueB, String fixed, String metric, int pairs, double meanA,
        double meanB, double difference, double p) {

    /** The rows of {@code comparisons} (in the layout of {@link Comparisons#HEADER}) that compare {@code metric}. */
    static List<Comparison> rows(Table comparisons, String metric) {
        return comparisons.rows().stream().map(Comparison::of).filter(c -> c.metric().equals(metric)).toList();
    }

    private static Comparison of(List<String> cells) {
        return new Comparison(cell(cells, "path"), cell(cells, "value_a"), cell(cells, "value_b"),
                cell(cells, "fixed"), cell(cells, "metric"), Integer.parseInt(cell(cells, "n_pairs")),
                number(cells, "mean_a"), number(cells, "mean_b"), number(cells, "difference"), number(cells, "p_value"));
    }

    private static String cell(List<String> cells, String column) {
        return cells.get(Comparisons.HEADER.indexOf(column));
    }

    private static double number(List<String> cells, String column) {
        String text = cell(cells, column);
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
