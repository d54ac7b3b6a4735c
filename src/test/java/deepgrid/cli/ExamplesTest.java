package deepgrid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deepgrid.data.sources.DataLocations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in experiments/ is valid as shipped (those on real data when that data is installed). */
class ExamplesTest {
    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("experiments"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validates(Path file) throws IOException {
        String text = Files.readString(file);
        for (DataLocations.RealData d : DataLocations.scan(Path.of("").toAbsolutePath())) {
            if (text.contains("source: " + d.source() + "\n") || text.contains("source: " + d.source() + " ")) {
                assumeTrue(d.isFound(), d.source() + " is not installed (scripts/get-data)");
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "validate", file.toString());
        assertEquals(0, code, err.toString());
    }
}
