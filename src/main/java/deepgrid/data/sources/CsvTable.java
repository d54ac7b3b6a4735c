package deepgrid.data.sources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import deepgrid.DeepgridException;
import deepgrid.IoReason;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as text cells (RFC 4180 through jackson-dataformat-csv: quoted
 * fields may hold commas, doubled quotes and line breaks), each row with the line
 * it starts on, for error messages. Blank lines are skipped; the first row is the
 * header; cells are kept exactly as written (typing them is the caller's job).
 */
final class CsvTable {
    // Without a schema jackson exposes every record as an array of strings, which is what we want.
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> cells) {
    }

    private final Path path;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path path, List<String> header, List<Row> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    /** Reads the whole file; a missing file, a missing header or broken quoting is a DeepgridException. */
    static CsvTable read(Path path) {
        List<Row> all = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CsvParser parser = CSV.createParser(reader)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                all.add(readRow(parser));
            }
        } catch (NoSuchFileException e) {
            throw new DeepgridException(path + ": no such file");
        } catch (CharacterCodingException e) {
            throw new DeepgridException(path + ":" + Utf8.firstError(path) + "; save the file as UTF-8", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DeepgridException(path + ":" + (at == null ? "?" : at.getLineNr()) + ": not valid CSV: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DeepgridException(path + ": cannot be read: " + IoReason.reason(e), e);
        }
        if (all.isEmpty()) {
            throw new DeepgridException(path + ": empty; expected a header row, then one row per sample");
        }
        List<String> header = withoutBom(all.get(0).cells()).stream().map(String::strip).toList();
        for (int i = 0; i < header.size(); i++) {
            if (header.indexOf(header.get(i)) != i) {
                throw new DeepgridException(path + ":" + all.get(0).line() + ": column '" + header.get(i)
                        + "' appears twice in the header; expected distinct column names");
            }
        }
        return new CsvTable(path, header, List.copyOf(all.subList(1, all.size())));
    }

    private static Row readRow(CsvParser parser) throws IOException {
        int line = -1;
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (line < 0) {
                // a record starts where its first cell does; the START_ARRAY token carries no useful location
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new Row(line, cells);
    }

    // Spreadsheets often save UTF-8 with a byte-order mark, which would become part of the first column name.
    private static List<String> withoutBom(List<String> header) {
        List<String> copy = new ArrayList<>(header);
        if (!copy.isEmpty() && copy.get(0).startsWith("\uFEFF")) {
            copy.set(0, copy.get(0).substring(1));
        }
        return List.copyOf(copy);
    }

    Path path() {
        return path;
    }

    /** Column names, stripped of surrounding spaces. */
    List<String> header() {
        return header;
    }

    /** The data rows, after the header. */
    List<Row> rows() {
        return rows;
    }

    /** The index of column {@code name}, or a DeepgridException listing the header. */
    int column(String name, String role) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DeepgridException(path + ":1: no column '" + name + "' for " + role + "; the header has "
                    + String.join(", ", header) + separatorHint());
        }
        return i;
    }

    /** A header of one column holding ';' or a tab: the file was saved with another separator (a European spreadsheet). */
    private String separatorHint() {
        if (header.size() != 1) {
            return "";
        }
        String only = header.get(0);
        String sep = only.contains(";") ? "';'" : only.contains("\t") ? "tabs" : null;
        return sep == null ? "" : " (one column: is the file separated by " + sep + "? deepgrid reads"
                + " comma-separated files; save it as CSV with ',' as the separator)";
    }
}
