package deepgrid.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.cli.Main;
import deepgrid.data.sources.DataLocations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lint on a corpus: each file in lint/warn/ gives exactly the warnings of its .expected
 * file (file:line:col, message, grid points, rule); the files in lint/clean/ and the shipped
 * examples that are not meant to warn give none. All of them stay valid (exit 0) unless --strict.
 */
class LintCorpusTest {
    private static final Path WARN = Path.of("src/test/resources/lint/warn");
    private static final Path CLEAN = Path.of("src/test/resources/lint/clean");
    /** Examples that warn on purpose: they show what goes wrong. */
    private static final List<String> WARN_ON_PURPOSE = List.of("init-histograms.yaml", "xavier-vs-he.yaml",
            "broken-on-purpose.yaml");

    /** What {@code deepgrid validate ARGS} printed, and its exit code. */
    record Validated(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Validated validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("validate"), Stream.of(args)).toArray(String[]::new);
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Validated(code, out.toString(), err.toString());
    }

    static Stream<Path> warning() throws IOException {
        try (var files = Files.list(WARN)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Path> clean() throws IOException {
        List<Path> files;
        try (var corpus = Files.list(CLEAN); var examples = Files.list(Path.of("experiments"))) {
            files = Stream.concat(corpus, examples.filter(f -> !WARN_ON_PURPOSE.contains(f.getFileName().toString())))
                    .filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warning")
    void warnsExactly(Path file) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(file.toString().replaceFirst("\\.yaml$", ".expected")));
        Validated v = validate(file.toString());
        assertEquals(Main.OK, v.code(), v.err());
        assertEquals(expected, v.errLines());
        assertTrue(v.out().startsWith("ok: " + file), v.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void doesNotWarn(Path file) throws IOException {
        assumeInstalled(file);
        Validated v = validate(file.toString());
        assertEquals(Main.OK, v.code(), v.err());
        assertEquals("", v.err());
    }

    @Test
    void strictTurnsWarningsIntoErrorsAndTheFileIsInvalid() {
        Validated v = validate("--strict", WARN.resolve("lr-high.yaml").toString(), CLEAN.resolve("batchnorm.yaml").toString());
        assertEquals(Main.INVALID, v.code());
        assertEquals(List.of(WARN.resolve("lr-high.yaml") + ":8:28: error: optimizer.lr: 10 is far above the usual"
                + " range for sgd (0.0001 to 1): steps this large usually make the loss diverge; try 0.1, then a grid"
                + " around it [learning-rate]"), v.errLines());
        assertEquals("ok: " + CLEAN.resolve("batchnorm.yaml") + " (batchnorm, 1 run)\n", v.out(), "the clean file is ok");
    }

    @Test
    void aValueSetOnTheCommandLineIsPointedAtThere() {
        Validated v = validate(CLEAN.resolve("relu-he-deep.yaml").toString(), "--set", "optimizer.lr=30");
        assertEquals(List.of("--set optimizer.lr=30: warning: optimizer.lr: 30 is far above the usual range for"
                + " momentum (0.0001 to 1): steps this large usually make the loss diverge; try 0.1, then a grid"
                + " around it [learning-rate]"), v.errLines());
    }

    @Test
    void runStopsBeforeTrainingUnderStrictAndWarnsOtherwise(@org.junit.jupiter.api.io.TempDir Path out) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--strict",
                WARN.resolve("lr-high.yaml").toString(), "--out", out.toString());
        assertEquals(Main.INVALID, code);
        assertTrue(err.toString().startsWith(WARN.resolve("lr-high.yaml") + ":8:28: error: optimizer.lr: 10"), err.toString());
        assertTrue(Files.notExists(out.resolve("lr-high")), "nothing trained, no results folder");

        StringWriter err2 = new StringWriter();
        int code2 = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err2), "run",
                WARN.resolve("lr-high.yaml").toString(), "--out", out.toString(), "--set", "training.epochs=1");
        assertEquals(Main.OK, code2, err2.toString());
        assertTrue(err2.toString().startsWith(WARN.resolve("lr-high.yaml") + ":8:28: warning: optimizer.lr: 10"),
                "the warning comes first, before any run:\n" + err2);
    }

    private static void assumeInstalled(Path file) throws IOException {
        String text = Files.readString(file);
        for (DataLocations.RealData d : DataLocations.scan(Path.of("").toAbsolutePath())) {
            if (text.contains("source: " + d.source() + "\n") || text.contains("source: " + d.source() + " ")) {
                assumeTrue(d.isFound(), d.source() + " is not installed (scripts/get-data)");
            }
        }
    }
}
