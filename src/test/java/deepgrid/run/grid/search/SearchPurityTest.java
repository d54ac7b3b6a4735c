package deepgrid.run.grid.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The search core is pure (package-info): no files, no threads, no clocks, nothing from the
 * layers that launch or report, so a proposal can only depend on its arguments.
 */
class SearchPurityTest {
    static final List<String> FORBIDDEN = List.of("java.io.", "java.nio.file", "java.time", "java.util.concurrent",
            "Thread", "System.currentTimeMillis", "System.nanoTime", "Math.random", "new Random(", "deepgrid.run.queue",
            "deepgrid.cli", "deepgrid.report", "deepgrid.train", "deepgrid.data");

    @Test
    void searchCodeUsesNoFilesThreadsClocksOrOuterLayers() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/deepgrid/run/grid/search"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream().filter(l -> !l.trim().startsWith("*") && !l.trim().startsWith("//"))
                            .filter(l -> FORBIDDEN.stream().anyMatch(l::contains)).map(l -> p.getFileName() + ": " + l.trim()))
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
