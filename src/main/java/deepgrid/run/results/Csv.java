package deepgrid.run.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import deepgrid.DeepgridException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * deepgrid's CSV dialect: RFC 4180 (comma, '"' quoting, CRLF-free '\n' rows), UTF-8,
 * a header row, '.' decimals, empty cell for "no value". Text that a spreadsheet
 * would evaluate as a formula gets a leading apostrophe.
 */
public final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS);
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private Csv() {
    }

    /** One whole line (with '\n') of cells, ready to be written in one call. */
    public static String row(List<String> cells) {
        try {
            CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
            return MAPPER.writer(schema).writeValueAsString(cells.stream().map(Csv::defuse).toList());
        } catch (IOException e) {
            throw new IllegalStateException("writing a CSV row to a string cannot fail", e);
        }
    }

    /**
     * A number cell: integers plainly, NaN and ±Infinity as empty (no value: a spreadsheet would
     * read "Infinity" as text; a row's reason column says why), others in Java's round-trip form.
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * Reads a whole CSV file with a header into rows of column → cell; a short or long row
     * is a DeepgridException naming the file and line (a results file edited by hand).
     */
    public static List<Map<String, String>> read(Path file) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class).with(schema).readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(new LinkedHashMap<>(it.next()));
            }
        } catch (RuntimeJsonMappingException e) {
            // the iterator wraps the parser's exception, which knows the line
            String where = e.getCause() instanceof JsonProcessingException p && p.getLocation() != null
                    ? ":" + p.getLocation().getLineNr() : "";
            String what = e.getCause() instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new DeepgridException(file + where + ": " + what, e);
        }
        return rows;
    }

    /** Text cells that start like a formula (=, +, -, @) get a leading apostrophe; numbers stay numbers. */
    static String defuse(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
