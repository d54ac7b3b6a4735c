package deepgrid.run.grid.search;

import java.util.List;

/** The content of one result CSV: its header and its rows of cells, ready for the results layer to write. */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + r.size() + " cells under a header of " + header.size());
            }
        }
    }
}
