package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad experiment files in {@code src/test/resources/bad/}: for every
 * {@code NAME.yaml}, {@code deepgrid validate} exits 2, prints nothing to stdout, and
 * prints exactly {@code NAME.expected} to stderr — every line placed in the file (or
 * naming the --set argument), nothing like a stack trace.
 *
 * <p>Each case runs on a copy of the folder in a temporary directory {@code T}, given as
 * {@code T/bad/NAME.yaml}; {@code T/} is cut from the messages, so they read
 * {@code bad/NAME.yaml:3:9: ...} whatever the working directory. In the .yaml and .args
 * files, {@code {here}} stands for the absolute path of {@code T/bad} (data paths must not
 * depend on the working directory). {@code NAME.args}, if present, holds extra arguments
 * of validate, one per line. Cases that need bytes no editor keeps (encodings, 10 MB)
 * are written by the tests below instead.
 */
class BadFilesTest {
    private static final Path CORPUS = resource("/bad");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheExactPositionedMessage(String name, @TempDir Path tmp) throws IOException {
        Path bad = copyCorpus(tmp);
        String here = bad.toAbsolutePath().toString();
        List<String> args = new ArrayList<>(List.of("validate"));
        Path argsFile = bad.resolve(name + ".args");
        if (Files.exists(argsFile)) {
            Files.readAllLines(argsFile).forEach(a -> args.add(a.replace("{here}", here)));
        }
        args.add(bad.resolve(name + ".yaml").toString());
        String expected = Files.readString(CORPUS.resolve(name + ".expected"), StandardCharsets.UTF_8);

        Result r = validate(tmp, args);

        assertEquals(expected, r.err(), name);
        assertEquals(Main.INVALID, r.code(), name + ": exit code");
        assertEquals("", r.out(), name + ": stdout");
        assertNoStackTrace(r);
        for (String line : r.err().lines().toList()) {
            assertTrue(line.startsWith("bad/" + name + ".yaml:") || line.startsWith("--set "),
                    name + ": every problem names its place: " + line);
        }
    }

    @Test
    void everyCaseHasItsExpectedMessageAndThereAreAtLeastForty() throws IOException {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 40, "corpus has " + names.size() + " cases");
        for (String n : names) {
            assertTrue(Files.exists(CORPUS.resolve(n + ".expected")), n + ".expected is missing");
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".expected") || f.endsWith(".args"))
                    .forEach(f -> assertTrue(Files.exists(CORPUS.resolve(f.replaceFirst("\\.(expected|args)$", ".yaml"))),
                            f + " has no .yaml beside it"));
        }
    }

    @Test
    void aFileOverOneMegabyteIsRefusedBeforeReading(@TempDir Path tmp) throws IOException {
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[10 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = line[i % line.length];
        }
        Result r = validateBytes(tmp, "huge.yaml", big);
        assertEquals("bad/huge.yaml: the file has 10485760 bytes; experiment files are limited to 1 MB (1048576 bytes)\n",
                r.err());
        assertEquals(Main.INVALID, r.code());
        assertNoStackTrace(r);
    }

    @Test
    void utf16WithByteOrderMarkIsNamed(@TempDir Path tmp) throws IOException {
        Result r = validateBytes(tmp, "utf16.yaml", XOR.getBytes(StandardCharsets.UTF_16)); // Java writes a BOM
        assertEquals("bad/utf16.yaml:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8\n",
                r.err());
        assertEquals(Main.INVALID, r.code());
    }

    @Test
    void utf16WithoutByteOrderMarkIsCaughtAtItsFirstZeroByte(@TempDir Path tmp) throws IOException {
        Result r = validateBytes(tmp, "utf16le.yaml", XOR.getBytes(StandardCharsets.UTF_16LE));
        assertEquals("bad/utf16le.yaml:1:2: byte 0x00 (is the file UTF-16?); save the file as UTF-8\n", r.err());
        assertEquals(Main.INVALID, r.code());
    }

    @Test
    void aLatin1ByteIsPlaced(@TempDir Path tmp) throws IOException {
        byte[] latin1 = (XOR + "description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Result r = validateBytes(tmp, "latin1.yaml", latin1);
        assertEquals("bad/latin1.yaml:6:17: byte 0xE9 is not valid UTF-8; save the file as UTF-8\n", r.err());
        assertEquals(Main.INVALID, r.code());
    }

    @Test
    void byte0xFFIsPlaced(@TempDir Path tmp) throws IOException {
        byte[] text = (XOR + "description: x").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 1);
        bytes[text.length] = (byte) 0xFF;
        Result r = validateBytes(tmp, "ff.yaml", bytes);
        assertEquals("bad/ff.yaml:6:15: byte 0xFF is not valid UTF-8; save the file as UTF-8\n", r.err());
        assertEquals(Main.INVALID, r.code());
    }

    @Test
    void aUtf8ByteOrderMarkBeforeValidContentIsFine(@TempDir Path tmp) throws IOException {
        byte[] text = XOR.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Result r = validateBytes(tmp, "bom.yaml", bytes);
        assertEquals("", r.err());
        assertEquals(Main.OK, r.code());
        assertEquals("ok: bad/bom.yaml (bom, 1 run)\n", r.out());
    }

    @Test
    void aFifoAsTheExperimentFileIsRefusedWithoutWaitingForAWriter(@TempDir Path tmp) throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Path fifo = bad.resolve("fifo.yaml");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> validate(tmp, List.of("validate", fifo.toString())));
        assertEquals("bad/fifo.yaml: is not a regular file (a FIFO, a device or a socket), expected an experiment file"
                + " (.yaml)\n", r.err());
        assertEquals(Main.INVALID, r.code());
    }

    @Test
    void aFifoAsADataFileIsRefusedWithoutWaitingForAWriter(@TempDir Path tmp) throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Path fifo = bad.resolve("data.csv");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        Files.writeString(bad.resolve("x.yaml"), XOR.replace("{source: xor}", "{source: csv, path: '" + fifo + "', label: y}"));
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> validate(tmp, List.of("validate", bad.resolve("x.yaml").toString())));
        assertEquals("bad/x.yaml:1:27: data.path: bad/data.csv is not a regular file (a FIFO, a device or a socket),"
                + " expected a file\n", r.err());
        assertEquals(Main.INVALID, r.code());
    }

    private static boolean mkfifo(Path at) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", at.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A valid experiment, for the encoding cases. */
    private static final String XOR = "data: {source: xor}\nmodel:\n  layers:\n    - dense: 1\nloss: binary_cross_entropy\n";

    private record Result(int code, String out, String err) {
    }

    private static Result validateBytes(Path tmp, String fileName, byte[] bytes) throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.write(bad.resolve(fileName), bytes);
        return validate(tmp, List.of("validate", bad.resolve(fileName).toString()));
    }

    /** Runs the command line; in its output, the temporary folder {@code tmp/} is cut from every path. */
    private static Result validate(Path tmp, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        String prefix = tmp.toAbsolutePath() + java.io.File.separator;
        return new Result(code, out.toString().replace(prefix, ""), err.toString().replace(prefix, ""));
    }

    private static void assertNoStackTrace(Result r) {
        for (String text : List.of(r.out(), r.err())) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("at deepgrid."), text);
            assertFalse(text.contains("\tat "), text);
            assertFalse(text.contains("Caused by"), text);
        }
    }

    /** Copies the corpus to {@code tmp/bad}, with {@code {here}} in .yaml files replaced, and an empty folder beside. */
    private static Path copyCorpus(Path tmp) throws IOException {
        Path bad = tmp.resolve("bad");
        String here = bad.toAbsolutePath().toString();
        try (Stream<Path> all = Files.walk(CORPUS)) {
            for (Path from : all.toList()) {
                Path to = bad.resolve(CORPUS.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (from.toString().endsWith(".yaml")) {
                    Files.writeString(to, Files.readString(from).replace("{here}", here));
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.createDirectories(bad.resolve("empty-folder")); // git keeps no empty folders
        return bad;
    }

    private static Path resource(String name) {
        try {
            return Path.of(BadFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
