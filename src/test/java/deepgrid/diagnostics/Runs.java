package deepgrid.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.cli.Main;
import deepgrid.run.results.Csv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs an experiment file through {@code deepgrid run} and reads its result files back. */
public final class Runs {
    /** What a run command printed, and where its experiment's results are. */
    public record Done(Path dir, String stderr) {
        /** The run folders by their runs.csv row. */
        Map<Map<String, String>, Path> runs() throws IOException {
            Map<Map<String, String>, Path> out = new LinkedHashMap<>();
            for (Map<String, String> row : Csv.read(dir.resolve("runs.csv"))) {
                out.put(row, dir.resolve("runs").resolve(row.get("run")));
            }
            return out;
        }

        /** The only run's folder. */
        Path only() throws IOException {
            var runs = new ArrayList<>(runs().values());
            assertEquals(1, runs.size(), "runs in " + dir);
            return runs.get(0);
        }

        /** The folder of the run whose runs.csv row has {@code column} = {@code value} for each pair. */
        Path where(String... pairs) throws IOException {
            List<Path> found = new ArrayList<>();
            runs().forEach((row, folder) -> {
                boolean match = true;
                for (int i = 0; i < pairs.length; i += 2) {
                    match &= pairs[i + 1].equals(row.get(pairs[i]));
                }
                if (match) {
                    found.add(folder);
                }
            });
            assertEquals(1, found.size(), "runs with " + List.of(pairs));
            return found.get(0);
        }
    }

    private Runs() {
    }

    /** Runs {@code file} (with --set overrides) into {@code out}; asserts it succeeded. */
    public static Done run(Path file, Path out, String name, String... sets) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(Main.OK, code, err.toString());
        return new Done(out.resolve(name), err.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(Runs.class.getResource("/diagnostics/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
