package deepgrid.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CONVENTIONS: data depends only on math (and the JDK, commons-math, jackson); never on nn, config, YAML. */
class DependencyRuleTest {

    @Test
    void dataImportsNoHigherLayer() throws IOException {
        List<String> forbidden = List.of("import deepgrid.nn", "import deepgrid.config", "import deepgrid.train",
                "import deepgrid.run", "import deepgrid.cli", "import deepgrid.report", "import org.yaml");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/deepgrid/data"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream().filter(l -> forbidden.stream().anyMatch(l::startsWith))
                            .map(l -> p + ": " + l))
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
