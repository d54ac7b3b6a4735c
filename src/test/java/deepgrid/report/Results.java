package deepgrid.report;

import deepgrid.run.results.Columns;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fabricated results folder: run folders with a result.csv each (written with
 * {@link Csv#row}, in the layout of {@link Columns}) and any other file given, and
 * optionally runs.csv in the order the runs were added, as the run package writes it.
 */
final class Results {
    private final Path dir;
    private final List<String> gridPaths;
    private final List<List<String>> rows = new ArrayList<>();

    Results(Path dir, String... gridPaths) {
        this.dir = dir;
        this.gridPaths = List.of(gridPaths);
    }

    Path dir() {
        return dir;
    }

    /** Starts a run of the given variant and grid values (one per grid path, in order). */
    Run run(String variant, String... values) {
        return new Run(variant, List.of(values));
    }

    /** Writes runs.csv listing every run added so far, in that order. */
    Results writeRunsCsv() throws IOException {
        StringBuilder text = new StringBuilder(Csv.row(Columns.runHeader(gridPaths)));
        rows.forEach(r -> text.append(Csv.row(r)));
        Files.writeString(dir.resolve("runs.csv"), text);
        return this;
    }

    /** One run being described; {@link #write} puts its folder in place. */
    final class Run {
        private final Map<String, String> cells = new LinkedHashMap<>();
        private final Map<String, String> files = new LinkedHashMap<>();

        private Run(String variant, List<String> values) {
            Columns.runHeader(gridPaths).forEach(c -> cells.put(c, ""));
            cells.put("status", "completed");
            cells.put("variant", variant);
            for (int i = 0; i < values.size(); i++) {
                cells.put(gridPaths.get(i), values.get(i));
            }
            cells.put("epochs", "5");
        }

        Run set(String column, String value) {
            cells.put(column, value);
            return this;
        }

        /** Another file of the run folder (metrics.csv, layers.csv, config.yaml), written with result.csv. */
        Run file(String name, String text) {
            files.put(name, text);
            return this;
        }

        /** Writes runs/ID/result.csv (and the files given), where ID is made of the variant, values and seed as in RunIds. */
        Results write(long seed, double testAccuracy, double testLoss) throws IOException {
            cells.put("seed", Long.toString(seed));
            cells.put("test_accuracy", Csv.num(testAccuracy));
            cells.put("test_loss", Csv.num(testLoss));
            List<String> parts = new ArrayList<>();
            if (!cells.get("variant").isEmpty()) {
                parts.add(cells.get("variant"));
            }
            gridPaths.forEach(p -> parts.add(cells.get(p)));
            parts.add("s" + seed);
            String id = String.join("_", parts).replaceAll("[^A-Za-z0-9._-]+", "-") + "-0000abcd";
            cells.put("run", id);
            Path folder = Files.createDirectories(dir.resolve("runs").resolve(id));
            List<String> header = new ArrayList<>(cells.keySet());
            List<String> row = new ArrayList<>(cells.values());
            Files.writeString(folder.resolve("result.csv"), Csv.row(header) + Csv.row(row));
            for (var f : files.entrySet()) {
                Files.writeString(folder.resolve(f.getKey()), f.getValue());
            }
            rows.add(row);
            return Results.this;
        }
    }
}
