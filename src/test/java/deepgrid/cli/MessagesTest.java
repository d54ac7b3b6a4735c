package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.Printable;
import deepgrid.config.YamlReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 11 and 16: no message writes a control character to the terminal, a string
 * with one is written so that it reads back, and a failure to write is exit status 1.
 */
class MessagesTest {
    private static final String XOR = "data: {source: xor}\nmodel:\n  layers:\n    - dense: 1\nloss: binary_cross_entropy\n"
            + "training: {epochs: 1}\n";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertPrintable(Result r) {
        for (String text : List.of(r.out(), r.err())) {
            text.codePoints().forEach(c -> assertTrue(c == '\n' || Printable.isPrintable(c),
                    String.format("U+%04X in %s", c, text)));
        }
    }

    @Test
    void escapesAreShownAsTheyAreWrittenInYaml() {
        assertEquals("\\e]0;PWNED\\a\\e[2J", Printable.escape("\u001b]0;PWNED\u0007\u001b[2J"));
        assertEquals("a\\nb\\tc\\r\\0\\x7F\\x85\\u202E\\u2028", Printable.escape("a\nb\tc\r\0\u007f\u0085\u202e\u2028"));
        assertEquals("two\nlines\\e", Printable.escapeLines("two\nlines\u001b"));
        assertEquals("café, ≥ 1, 深度, \uD83D\uDE00", Printable.escape("café, ≥ 1, 深度, \uD83D\uDE00"), "printable text is kept");
        assertEquals("\\uD800", Printable.escape("\uD800"), "a lone surrogate");
    }

    @Test
    void aControlCharacterInTheFileIsEscapedInTheMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), "name: \"a\\e[2Jb\\nc\"\n" + XOR);
        Result r = run("validate", file.toString());
        assertEquals(Main.INVALID, r.code());
        assertEquals(file + ":1:7: name: found 'a\\e[2Jb\\nc', expected letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit, at most 64 characters\n", r.err());
        assertPrintable(r);
    }

    @Test
    void aControlCharacterInASetOrAnOptionIsEscaped(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), XOR);
        Result set = run("validate", "--set", "name=\"\u001b]0;x\u0007\"", file.toString());
        assertEquals(Main.INVALID, set.code());
        assertEquals("--set name=\"\\e]0;x\\a\": invalid YAML: special characters are not allowed\n", set.err());
        assertPrintable(set);
        Result option = run("validate", "--bo\u001b[2Jgus", file.toString());
        assertEquals(Main.INVALID, option.code());
        assertTrue(option.err().startsWith("Unknown option: '--bo\\e[2Jgus'"), option.err());
        assertPrintable(option);
    }

    @Test
    void aControlCharacterInACsvCellIsEscaped(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n1,a\n\u001b[2J,b\n");
        Path file = Files.writeString(dir.resolve("x.yaml"), XOR.replace("{source: xor}",
                "{source: csv, path: '" + csv + "', label: y}"));
        Result r = run("validate", file.toString());
        assertEquals(Main.INVALID, r.code());
        assertTrue(r.err().contains("feature 'x' is '\\e[2J'; expected a finite number"), r.err());
        assertPrintable(r);
    }

    @Test
    void aDescriptionWithControlCharactersIsWrittenSoThatItReloads(@TempDir Path dir) throws IOException {
        String description = "bold \u001b[1m, bell \u0007, \u0085 and \u202e";
        Path file = Files.writeString(dir.resolve("x.yaml"),
                "description: \"" + Printable.escape(description) + "\"\n" + XOR);
        Path out = dir.resolve("results");
        Result r = run("run", file.toString(), "--out", out.toString());
        assertEquals(Main.OK, r.code(), r.err());
        Path config;
        try (Stream<Path> runs = Files.list(out.resolve("x").resolve("runs"))) {
            config = runs.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst().orElseThrow().resolve("config.yaml");
        }
        String text = Files.readString(config);
        assertTrue(text.contains("description: \"bold \\e[1m, bell \\a, \\N and \u202e\""), text); // YAML may hold U+202E
        assertFalse(text.contains("!!binary"), text);
        var tree = (deepgrid.config.Node.MapNode) YamlReader.read(config);
        assertEquals(description, ((deepgrid.config.Node.Scalar) tree.get("description")).text());
        Result again = run("validate", config.toString());
        assertEquals(Main.OK, again.code(), again.err());
    }

    @Test
    void outputThatCannotBeWrittenIsExitStatusOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), XOR);
        StringWriter err = new StringWriter();
        PrintWriter full = new PrintWriter(new Writer() { // as /dev/full: every write fails
            @Override
            public void write(char[] buffer, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        });
        int code = Main.execute(full, new PrintWriter(err), "plan", file.toString());
        assertEquals(Main.RUN_FAILED, code);
        assertEquals("deepgrid: cannot write to standard output (closed, or the disk is full); its text is lost\n",
                err.toString());
    }

    @Test
    void aReportThatCannotBeWrittenIsExitStatusOneNotTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), XOR);
        Path out = dir.resolve("results");
        assertEquals(Main.OK, run("run", file.toString(), "--out", out.toString()).code());
        Path summary = out.resolve("x").resolve("summary.csv");
        Files.deleteIfExists(summary);
        Files.createDirectories(summary.resolve("in-the-way")); // the disk's fault, not the user's file
        Result r = run("report", out.resolve("x").toString());
        assertEquals(Main.RUN_FAILED, r.code(), r.err());
        assertTrue(r.err().startsWith("deepgrid: cannot write " + summary + ": "), r.err());
    }
}
