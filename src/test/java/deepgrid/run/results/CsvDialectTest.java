package deepgrid.run.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.cli.Main;
import deepgrid.train.EpochMetrics;
import deepgrid.train.SplitMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §3: RFC 4180, a header row, UTF-8, '.' decimals, one value per cell, nothing a
 * spreadsheet would run as a formula. Lines are checked with a small RFC 4180 splitter
 * written here, independent of the library that writes them.
 */
class CsvDialectTest {
    @TempDir
    Path tmp;

    /** RFC 4180 §2: fields split by commas; a quoted field may hold commas, line breaks and doubled quotes. */
    static List<List<String>> rfc4180(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote inside an unquoted field at " + i);
                quoted = true;
            } else if (c == ',' || c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else {
                assertFalse(c == '\r', "bare CR at " + i);
                field.append(c);
            }
        }
        assertFalse(quoted, "unterminated quote");
        assertTrue(row.isEmpty() && field.length() == 0, "the last line has no line break");
        return rows;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=SUM(A1:A9)|'=SUM(A1:A9)", "+cmd|'+cmd", "-x|'-x", "@home|'@home", "-|'-", "+1+1|'+1+1",
        "-0.5|-0.5", "+3|+3", "1e-3|1e-3", "8.2E51|8.2E51", ".5|.5", "relu|relu", "'quoted|'quoted"})
    void formulaLookingTextIsDefusedAndNumbersAreNot(String cell, String written) {
        assertEquals(written, Csv.defuse(cell));
        assertEquals("", Csv.defuse(""));
    }

    @Test
    void aRowIsOneRfc4180LineThatReadsBackCellForCell() throws IOException {
        List<String> cells = List.of("model.layers[*].activation", "{type: sgd, lr: 0.1}", "say \"hi\"", "two\nlines",
                "", "α β 🚀", " padded ", "0.1", "=1+2");
        String line = Csv.row(cells);
        List<String> expected = new ArrayList<>(cells);
        expected.set(8, "'=1+2");
        assertEquals(List.of(expected), rfc4180(line));
        Path file = tmp.resolve("x.csv");
        Files.writeString(file, Csv.row(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) + line);
        assertEquals(expected, List.copyOf(Csv.read(file).get(0).values()));
    }

    @Test
    void readingFailsOnAShortOrLongRow() throws IOException {
        Path file = tmp.resolve("x.csv");
        Map<String, String> cases = Map.of(
                "a,b\n1\n", ":2: Not enough column values: expected 2, found 1",
                "a,b\n1,2,3\n", ":2: Too many entries: expected at most 2",
                "a,b\n1,2\n3\n", ":3: Not enough column values: expected 2, found 1");
        for (var c : cases.entrySet()) {
            Files.writeString(file, c.getKey());
            DeepgridException e = assertThrows(DeepgridException.class, () -> Csv.read(file), c.getKey());
            assertTrue(e.getMessage().startsWith(file + c.getValue()), e.getMessage());
        }
    }

    @Test
    void whatIsWrittenReadsBackCellForCell() throws IOException {
        java.util.Random random = new java.util.Random(20261130);
        String alphabet = "ab ,\"\n\r'=+-@.0123456789é🚀";
        Path file = tmp.resolve("round.csv");
        for (int trial = 0; trial < 200; trial++) {
            int columns = 1 + random.nextInt(5);
            List<String> header = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                header.add("c" + c);
            }
            StringBuilder text = new StringBuilder(Csv.row(header));
            List<List<String>> rows = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    StringBuilder cell = new StringBuilder();
                    for (int k = random.nextInt(6); k > 0; k--) {
                        cell.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                    }
                    row.add(cell.toString());
                }
                rows.add(row);
                text.append(Csv.row(row));
            }
            Files.writeString(file, text.toString());
            List<Map<String, String>> back = Csv.read(file);
            assertEquals(rows.size(), back.size(), text.toString());
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(rows.get(r).stream().map(Csv::defuse).toList(), List.copyOf(back.get(r).values()), text.toString());
            }
        }
    }

    @Test
    void crlfLinesReadAndAnUnclosedQuoteIsNamed() throws IOException {
        Path file = tmp.resolve("x.csv");
        Files.writeString(file, "a,b\r\n1,\"x\r\ny\"\r\n");
        assertEquals(List.of(Map.of("a", "1", "b", "x\r\ny")), Csv.read(file));
        Files.writeString(file, "a,b\n1,2\n3,\"open\n");
        DeepgridException e = assertThrows(DeepgridException.class, () -> Csv.read(file));
        assertEquals(file + ":3: a quoted cell is not closed", e.getMessage());
    }

    @Test
    void fixedDecimalsAsPrintfWritesThem() {
        for (double v : new double[] {0, 0.00004, 0.00005, 0.0130, 1.5, 12345.25, 0.99996, 3.0}) {
            assertEquals(String.format(Locale.ROOT, "%.4f", v), Csv.fixed(v, 4), Double.toString(v));
            assertEquals(String.format(Locale.ROOT, "%.3f", v), Csv.fixed(v, 3), Double.toString(v));
        }
    }

    @Test
    void infinitiesAreEmptyCellsLikeNaNNotTextASpreadsheetKeeps() {
        // issue 14 item 7: "Infinity" in a numeric column made a spreadsheet read the column as text
        assertEquals("", Csv.num(Double.POSITIVE_INFINITY));
        assertEquals("", Csv.num(Double.NEGATIVE_INFINITY));
        assertEquals("", Csv.num(Double.NaN));
        assertEquals("1.0E300", Csv.num(1e300));
        var m = new EpochMetrics(4, new SplitMetrics(Double.POSITIVE_INFINITY, Double.NaN), SplitMetrics.NONE,
                new SplitMetrics(Double.NEGATIVE_INFINITY, Double.NaN), 0, 0.1, new EpochMetrics.Timing(1, 1));
        assertEquals(List.of(List.of("4", "", "", "", "", "", "", "0", "0.1", "1.0000", "1.0000")),
                rfc4180(Csv.row(Columns.metricsRow(m))));
    }

    @Test
    void aRunThatOverflowsWritesNoInfinityAnywhere() throws IOException {
        // completed: activations of 1e200 whose squares overflowed layers.csv's activation_std;
        // diverged: a loss that became infinite in metrics.csv, result.csv and runs.csv
        Path file = Files.writeString(tmp.resolve("o.yaml"), """
                name: o
                data: {source: spiral}
                model:
                  init: {type: normal, std: 10}
                  layers:
                    - dense: 50
                      activation: relu
                    - dense: 3
                loss: mse
                optimizer: {type: sgd, lr: 100}
                training: {epochs: 10}
                grid:
                  training.epochs: [9, 10]
                """);
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                file.toString(), "--out", tmp.resolve("results").toString());
        assertEquals(Main.OK, code);
        Path exp = tmp.resolve("results").resolve("o");
        String runs = Files.readString(exp.resolve("runs.csv"));
        assertTrue(runs.contains(",completed,") && runs.contains(",diverged,"), runs);
        assertTrue(runs.contains("training loss became infinite at epoch 10"), runs);
        try (Stream<Path> all = Files.walk(exp)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("Infinity") || text.contains("NaN"), f + ":\n" + text);
            }
        }
    }

    @Test
    void numbersUseADotAndNoThousandsSeparatorsWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG"), new Locale("hi", "IN"))) {
                Locale.setDefault(l);
                var m = new EpochMetrics(3, new SplitMetrics(1234567.25, 0.5), SplitMetrics.NONE,
                        new SplitMetrics(0.125, 1.0), 1e-7, 0.001, new EpochMetrics.Timing(1.5, 12345.25));
                assertEquals(List.of(List.of("3", "1234567.25", "0.5", "", "", "0.125", "1", "1.0E-7", "0.001", "1.5000",
                        "12345.2500")), rfc4180(Csv.row(Columns.metricsRow(m))), l.toString());
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theFilesOfARunAreUtf8Rfc4180WithOneHeaderAndDotDecimals() throws IOException {
        // the grid's values are the label column's name: text a spreadsheet could misread, in runs.csv
        Path data = Files.writeString(tmp.resolve("d.csv"), "x,\"α β, \"\"quoted\"\"\",=1+2,@home\n"
                + "0,0,0,0\n1,1,1,1\n2,0,0,0\n3,1,1,1\n4,0,0,0\n5,1,1,1\n");
        Path file = Files.writeString(tmp.resolve("d.yaml"), """
                name: d
                data: {source: csv, path: '%s', label: '@home', features: [x], test: 0.5}
                model:
                  layers:
                    - dense: 3
                      activation: tanh
                    - dense: 1
                loss: binary_cross_entropy
                optimizer: {type: sgd, lr: 0.5}
                training: {epochs: 2, batch_size: full}
                grid:
                  model.layers[*].activation: [tanh, relu]
                  data.label: ["α β, \\"quoted\\"", "=1+2", "@home"]
                """.formatted(data));
        Locale saved = Locale.getDefault();
        int code;
        try {
            Locale.setDefault(Locale.GERMANY);
            code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                    file.toString(), "--out", tmp.resolve("results").toString());
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(Main.OK, code);
        Path exp = tmp.resolve("results").resolve("d");
        List<List<String>> runs = checkFile(exp.resolve("runs.csv"), 6);
        assertEquals(List.of("run", "status", "variant", "seed", "model.layers[*].activation", "data.label"),
                runs.get(0).subList(0, 6));
        assertEquals(List.of("α β, \"quoted\"", "'=1+2", "'@home"), runs.subList(1, 4).stream().map(r -> r.get(5)).toList());
        try (Stream<Path> dirs = Files.list(exp.resolve("runs"))) {
            for (Path run : dirs.toList()) {
                checkFile(run.resolve("metrics.csv"), 3);
                checkFile(run.resolve("result.csv"), 1);
            }
        }
    }

    /** Whole UTF-8 RFC 4180 text, one header, every row as wide as it, numeric cells with '.' decimals only. */
    private static List<List<String>> checkFile(Path csv, int rows) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(java.util.Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8)), csv + " is not UTF-8");
        assertFalse(text.startsWith("\uFEFF"), csv + " starts with a byte order mark");
        List<List<String>> table = rfc4180(text);
        assertEquals(rows + 1, table.size(), csv.toString());
        List<String> header = table.get(0);
        for (List<String> row : table.subList(1, table.size())) {
            assertEquals(header.size(), row.size(), csv + ": " + row);
            assertFalse(row.equals(header), csv + " repeats its header");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                if (cell.matches("[-+]?[0-9.,]+([eE][-+]?[0-9]+)?")) {
                    assertFalse(cell.contains(","), csv + ": " + header.get(i) + " = " + cell);
                    Double.parseDouble(cell);
                }
            }
        }
        assertEquals(Csv.read(csv).size(), rows);
        Map<String, String> first = rows > 0 ? Csv.read(csv).get(0) : Map.of();
        assertEquals(rows > 0 ? header : List.of(), List.copyOf(first.keySet()));
        return table;
    }
}
