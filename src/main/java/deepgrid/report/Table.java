package deepgrid.report;

import deepgrid.run.results.Csv;
import java.util.List;

/** A header and rows of cells, all rows as wide as the header: the content of one CSV file. */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size() + ": " + row);
            }
        }
    }

    /** The whole file in deepgrid's CSV dialect (formula-looking text defused by {@link Csv#row}). */
    public String csv() {
        StringBuilder text = new StringBuilder(Csv.row(header));
        rows.forEach(r -> text.append(Csv.row(r)));
        return text.toString();
    }
}
