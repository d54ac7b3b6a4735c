package deepgrid.run.results;

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
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private Csv() {
    }

    /** One whole line (with '\n') of cells, ready to be written in one call. */
    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder(16 * cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(line, defuse(cells.get(i)));
        }
        return line.append('\n').toString();
    }

    /**
     * RFC 4180 §2: a cell holding a comma, a quote or a line break is quoted, its quotes
     * doubled; so is one with spaces at either end, which some readers would trim. Written
     * here rather than through a CSV generator: a run writes thousands of small rows.
     */
    private static void appendCell(StringBuilder line, String cell) {
        boolean quote = !cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' ');
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            line.append(c == '"' ? "\"\"" : String.valueOf(c));
        }
        line.append('"');
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
     * A non-negative duration with {@code digits} decimals, as {@code %.Nf} writes it ("0.0130"),
     * without a Formatter: every epoch writes two of these.
     */
    public static String fixed(double v, int digits) {
        if (!(v >= 0 && v < 1e12)) {
            return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
        }
        long scale = (long) Math.pow(10, digits);
        long units = Math.round(v * scale);
        String fraction = Long.toString(scale + units % scale).substring(1); // zero-padded to `digits`
        return (units / scale) + "." + fraction;
    }

    /**
     * Reads a whole CSV file with a header into rows of column → cell; a short or long row
     * is a DeepgridException naming the file and line (a results file edited by hand).
     * Parsed here rather than by a CSV library: a report reads thousands of small files.
     */
    public static List<Map<String, String>> read(Path file) throws IOException {
        Reader r = new Reader(file, java.nio.file.Files.readString(file));
        List<String> header = r.row();
        List<Map<String, String>> rows = new ArrayList<>();
        if (header == null) {
            return rows;
        }
        for (List<String> cells = r.row(); cells != null; cells = r.row()) {
            if (cells.size() < header.size()) {
                throw new DeepgridException(file + ":" + r.rowLine + ": Not enough column values: expected "
                        + header.size() + ", found " + cells.size());
            }
            if (cells.size() > header.size()) {
                throw new DeepgridException(file + ":" + r.rowLine + ": Too many entries: expected at most " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>(header.size() * 2);
            for (int i = 0; i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 rows of a text: quoted cells may hold commas, doubled quotes and line breaks; "\r\n" ends a row too. */
    private static final class Reader {
        private final Path file;
        private final String text;
        private int at;
        private int line = 1;
        int rowLine;

        Reader(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        /** The next row's cells, or null at the end. */
        List<String> row() {
            if (at >= text.length()) {
                return null;
            }
            rowLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            while (true) {
                if (at < text.length() && text.charAt(at) == '"' && cell.length() == 0) {
                    quoted(cell);
                }
                char c = at < text.length() ? text.charAt(at) : '\n';
                at++;
                if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r' && at < text.length() && text.charAt(at) == '\n' && at++ > 0) {
                    cells.add(cell.toString());
                    line++;
                    return cells;
                } else {
                    cell.append(c);
                }
            }
        }

        private void quoted(StringBuilder cell) {
            int start = line;
            at++; // the opening quote
            while (true) {
                if (at >= text.length()) {
                    throw new DeepgridException(file + ":" + start + ": a quoted cell is not closed");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    if (at < text.length() && text.charAt(at) == '"') {
                        at++;
                        cell.append('"');
                    } else {
                        return;
                    }
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            }
        }
    }

    /** The cells of one CSV line, such as a header. */
    static List<String> cells(String line) {
        List<String> cells = new Reader(Path.of("line"), line).row();
        return cells == null ? List.of() : cells;
    }

    /** Text cells that start like a formula (=, +, -, @) get a leading apostrophe; numbers stay numbers. */
    static String defuse(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
