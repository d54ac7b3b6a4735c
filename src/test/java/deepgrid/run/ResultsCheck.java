package deepgrid.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.results.Csv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Checks on a results folder that every test of the queue shares: whole files, nothing left over. */
public final class ResultsCheck {
    /**
     * Wall-clock columns and the threads per product (set by how many runs train at once, and
     * changing no number): the only ones allowed to differ between two runs of the same file.
     */
    public static final Set<String> TIME_COLUMNS = Set.of("seconds", "eval_seconds", "threads");

    private ResultsCheck() {
    }

    /** What {@code deepgrid ARGS} printed and returned, run in this JVM. */
    public record Cli(int code, String out, String err) {
        public static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = deepgrid.cli.Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Cli(code, out.toString(), err.toString());
        }
    }

    /** runs.csv, read strictly (a short or long row fails). */
    public static List<Map<String, String>> runs(Path experiment) throws IOException {
        return Csv.read(experiment.resolve("runs.csv"));
    }

    /** The ids in runs.csv, in order. */
    public static List<String> runIds(Path experiment) throws IOException {
        return runs(experiment).stream().map(r -> r.get("run")).toList();
    }

    /** Run folders that are finished (moved into place with their result.csv), by name. */
    public static List<String> finishedFolders(Path experiment) throws IOException {
        Path runs = experiment.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".") && Files.exists(p.resolve("result.csv")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** No temp file, no in-flight folder; every CSV parses strictly with its header once; every run folder is whole. */
    public static void assertClean(Path experiment) throws IOException {
        try (Stream<Path> walk = Files.walk(experiment)) {
            for (Path p : walk.toList()) {
                String name = p.getFileName().toString();
                assertFalse(name.contains(".tmp-"), "temp file left: " + p);
                assertFalse(name.equals(".inflight"), "in-flight folder left: " + p);
                assertFalse(name.equals(".claims"), "claims left: " + p);
                assertFalse(name.equals(".runners"), "runner registrations left: " + p);
            }
        }
        assertWholeCsv(experiment.resolve("runs.csv"));
        for (String run : finishedFolders(experiment)) {
            Path dir = experiment.resolve("runs").resolve(run);
            assertTrue(Files.isRegularFile(dir.resolve("config.yaml")), dir + " has no config.yaml");
            assertWholeCsv(dir.resolve("metrics.csv"));
            List<Map<String, String>> result = assertWholeCsv(dir.resolve("result.csv"));
            assertEquals(1, result.size(), dir + "/result.csv");
            assertEquals(run, result.get(0).get("run"));
        }
    }

    /** Reads {@code csv} strictly and checks that its header appears once and it ends with a whole line. */
    public static List<Map<String, String>> assertWholeCsv(Path csv) throws IOException {
        String text = Files.readString(csv);
        assertTrue(text.endsWith("\n"), csv + " does not end with a whole line");
        String header = text.substring(0, text.indexOf('\n') + 1);
        assertEquals(text.indexOf(header), text.lastIndexOf(header), csv + " repeats its header");
        return Csv.read(csv);
    }

    /** The rows of {@code csv} without the wall-clock columns. */
    public static List<Map<String, String>> withoutTime(Path csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : Csv.read(csv)) {
            r.keySet().removeAll(TIME_COLUMNS);
            rows.add(r);
        }
        return rows;
    }

    /** The one search folder (search/HASH/) of an experiment. */
    public static Path searchDir(Path exp) throws IOException {
        try (Stream<Path> s = Files.list(exp.resolve("search"))) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    /** A search file's rows without its wall-clock columns (seconds, seconds_cumulative). */
    public static List<Map<String, String>> searchRows(Path csv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(csv)) {
            r.keySet().removeAll(Set.of("seconds", "seconds_cumulative"));
            out.add(r);
        }
        return out;
    }

    /** The header line of {@code csv}. */
    public static String header(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.findFirst().orElse("");
        }
    }
}
