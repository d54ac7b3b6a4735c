package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.results.Csv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3: the same file, seed and version give identical metrics, wall-clock columns
 * aside; and a run's config.yaml, run on its own, is the same run (same folder name,
 * same metrics). The fixture is a small spiral grid with dropout and a validation split,
 * so every random stream is drawn from.
 */
class DeterminismTest {
    /** The wall-clock columns: the only ones allowed to differ. */
    private static final Set<String> TIME_COLUMNS = Set.of("seconds", "eval_seconds");

    @Test
    void theSameFileRunTwiceGivesTheSameMetrics(@TempDir Path first, @TempDir Path second) throws Exception {
        Path file = resource("/determinism/spiral-small.yaml");
        run(file, first);
        run(file, second);

        List<String> runs = runFolders(first);
        assertEquals(4, runs.size(), "2 activations × 2 repeats: " + runs);
        assertEquals(runs, runFolders(second));
        for (String id : runs) {
            Path a = first.resolve("spiral-small/runs").resolve(id);
            Path b = second.resolve("spiral-small/runs").resolve(id);
            assertEquals(Files.readString(a.resolve("config.yaml")), Files.readString(b.resolve("config.yaml")), id);
            assertEquals(withoutTime(a.resolve("metrics.csv")), withoutTime(b.resolve("metrics.csv")), id);
            assertEquals(9, withoutTime(a.resolve("metrics.csv")).size(), id + ": epochs 0..8");
            assertEquals(Files.readString(a.resolve("layers.csv")), Files.readString(b.resolve("layers.csv")), id);
            assertTrue(Files.readAllLines(a.resolve("layers.csv")).size() > 9, id + ": rows per epoch and layer");
        }
        assertEquals(withoutTime(first.resolve("spiral-small/runs.csv")),
                withoutTime(second.resolve("spiral-small/runs.csv")));
    }

    @Test
    void aRunsConfigRunAloneIsTheSameRun(@TempDir Path grid, @TempDir Path alone) throws Exception {
        run(resource("/determinism/spiral-small.yaml"), grid);
        for (String id : runFolders(grid)) {
            Path original = grid.resolve("spiral-small/runs").resolve(id);
            Path again = alone.resolve(id);
            run(original.resolve("config.yaml"), again);

            assertEquals(List.of(id), runFolders(again), "the same run id");
            Path rerun = again.resolve("spiral-small/runs").resolve(id);
            assertEquals(withoutTime(original.resolve("metrics.csv")), withoutTime(rerun.resolve("metrics.csv")), id);
            assertEquals(Files.readString(original.resolve("config.yaml")), Files.readString(rerun.resolve("config.yaml")));
            // alone, the run may share its products among the cores its grid neighbours used (the threads
            // column); its products are too small to be split, so every metric is the same
            List<Map<String, String>> row = withoutThreads(withoutTime(rerun.resolve("result.csv")));
            assertEquals(withoutThreads(withoutTime(original.resolve("result.csv"))), row,
                    id + ": same row, grid column included");
            assertTrue(row.get(0).containsKey("model.layers[*].activation"), row.toString());
        }
    }

    private static void run(Path file, Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr), "run", file.toString(), "--out",
                out.toString());
        assertEquals(Main.OK, code, stderr.toString());
    }

    private static List<String> runFolders(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("spiral-small/runs"))) {
            return runs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static List<Map<String, String>> withoutThreads(List<Map<String, String>> rows) {
        return rows.stream().map(r -> {
            Map<String, String> kept = new LinkedHashMap<>(r);
            kept.remove("threads");
            return kept;
        }).toList();
    }

    /** The rows of a CSV file with the wall-clock columns removed. */
    private static List<Map<String, String>> withoutTime(Path csv) throws IOException {
        return Csv.read(csv).stream().map(row -> {
            Map<String, String> kept = new LinkedHashMap<>(row);
            kept.keySet().removeAll(TIME_COLUMNS);
            return kept;
        }).toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DeterminismTest.class.getResource(name).toURI());
    }
}
